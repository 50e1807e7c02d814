#!/usr/bin/env node
// Draws the demo articles' images (abstract landscapes: dunes, a sun, a coastline of dots, a route
// line), seeded by name, as SVG files in demo/images/. Our own art, made by code; run once, kept in git.
import { writeFileSync } from 'node:fs';

const PALETTES = [
  ['#1d4e89', '#3f7cc0', '#e8d8b8', '#c9a66b', '#f6f1e7'],
  ['#6b2d2d', '#b0573f', '#efd9b4', '#d9a95b', '#fbf3e4'],
  ['#0f5b4f', '#3a8f7c', '#e9e2c9', '#c7b27a', '#f7f4ea'],
  ['#3b2f5c', '#6f5b9a', '#efe4d2', '#caa979', '#faf6ef'],
  ['#203a43', '#4f7f8a', '#ead9bd', '#b98d58', '#f8f2e6'],
  ['#5a3e1b', '#a0703a', '#f1e2c4', '#d2b27c', '#fcf7ec'],
  ['#1f3f2a', '#557b4e', '#ece3c8', '#bfa36a', '#f9f5ea'],
];

function rng(seed) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => ((h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909)) >>> 0) / 4294967296;
}

function dune(r, y, amp, w = 1600) {
  const k = 2 + Math.floor(r() * 3);
  const phase = r() * Math.PI * 2;
  let d = `M0 900 L0 ${y}`;
  for (let x = 0; x <= w; x += 40) d += ` L${x} ${(y + Math.sin((x / w) * Math.PI * k + phase) * amp + Math.sin((x / w) * Math.PI * 7 + phase * 2) * amp * 0.25).toFixed(1)}`;
  return d + ` L${w} 900 Z`;
}

export function art(name, i) {
  const r = rng(name);
  const [deep, mid, sand, gold, paper] = PALETTES[i % PALETTES.length];
  const sunX = 250 + r() * 1100;
  const sunY = 170 + r() * 160;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900" width="1600" height="900">`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>`,
    `<rect width="1600" height="900" fill="url(#sky)"/>`,
    `<circle cx="${sunX.toFixed(0)}" cy="${sunY.toFixed(0)}" r="${(70 + r() * 60).toFixed(0)}" fill="${gold}" opacity="0.9"/>`,
  ];
  for (let ring = 1; ring <= 4; ring++) parts.push(`<circle cx="${sunX.toFixed(0)}" cy="${sunY.toFixed(0)}" r="${(140 + ring * 70).toFixed(0)}" fill="none" stroke="${paper}" stroke-opacity="${(0.16 - ring * 0.03).toFixed(2)}" stroke-width="3"/>`);
  // A coastline of dots across the middle distance.
  for (let x = 40; x < 1600; x += 36) {
    const y = 470 + Math.sin(x / 170 + r()) * 30;
    parts.push(`<circle cx="${x}" cy="${y.toFixed(0)}" r="${(3 + r() * 4).toFixed(1)}" fill="${paper}" opacity="0.55"/>`);
  }
  parts.push(`<path d="${dune(r, 560, 40)}" fill="${gold}" opacity="0.85"/>`);
  parts.push(`<path d="${dune(r, 660, 35)}" fill="${sand}"/>`);
  parts.push(`<path d="${dune(r, 770, 25)}" fill="${paper}"/>`);
  // A route: a dashed line from one edge towards the sun.
  parts.push(`<path d="M${(r() * 300).toFixed(0)} 880 Q ${(600 + r() * 400).toFixed(0)} ${(560 + r() * 100).toFixed(0)} ${sunX.toFixed(0)} ${(sunY + 160).toFixed(0)}" fill="none" stroke="${deep}" stroke-width="5" stroke-dasharray="18 14" opacity="0.7"/>`);
  parts.push('</svg>');
  return parts.join('');
}

const NAMES = ['algeria-russia-arms', 'russia-north-africa-tools', 'gulf-capital', 'libya-derna', 'morocco-algeria-rivalry', 'sahel-after-coups', 'tunisia-imf'];
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  NAMES.forEach((n, i) => writeFileSync(new URL(`../demo/images/${n}.svg`, import.meta.url), art(n, i) + '\n'));
  console.log(`wrote ${NAMES.length} images to demo/images/`);
}
