#!/usr/bin/env node
// The built CLI (npm run build:cli writes cli/dist/payladder.mjs).
import { cliMain } from '../dist/payladder.mjs';

cliMain();
