/**
 * Raw HTML elements the sanitiser removes together with what they hold
 * (`<script>`, `<style>`, `<template>`…: their content is code, or hidden),
 * reported where they are, so that no text vanishes without a message.
 * Other elements it removes keep their content (`<font>`, `<object>`'s fallback).
 */
import type {Element, Nodes, Root} from 'hast'
import type {Report} from './report.js'
import {eachElement} from './walk.js'

/** Removed with their content: code, styles, hidden or fallback markup that would read as raw text. */
export const strip = ['script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe']

export function rehypeReportDropped(report: Report) {
  const names = new Set(strip)
  return function () {
    return function (tree: Root) {
      eachElement(tree, (node, parent) => {
        if (!names.has(node.tagName)) return
        const place = node.position ?? positioned(parent)
        const last = lastLine(node)
        const start = place?.start?.line
        const extent = start === undefined || last === undefined || last <= start ? '' : ` (lines ${start}–${last})`
        report(`Raw HTML \`<${node.tagName}>\` is left out of the edition with everything in it${extent}`, place, 'html-dropped')
        return 'skip'
      })
    }
  }
}

function positioned(node: Nodes | undefined): Element['position'] {
  return node?.position
}

/** The last line anything inside the element comes from (a template's content included). */
function lastLine(node: Element): number | undefined {
  let last = node.position?.end?.line
  const walk = (child: Nodes) => {
    const line = child.position?.end?.line
    if (line !== undefined && (last === undefined || line > last)) last = line
    if ('children' in child) for (const grandchild of child.children) walk(grandchild)
    if (child.type === 'element' && child.content) walk(child.content)
  }
  walk(node)
  return last
}
