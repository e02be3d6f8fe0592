/** A work of formulas and code shared by the site's and the PDF's math-and-code tests (one text, so they test the same thing). */
// Code from unified's README and the Python tutorial (not ours); math as any paper writes it.
export const mathCodeWork = `# Formulas and code

Euler's "identity" $e^{i\\pi} + 1 = 0$, with a thin space: $a\\,b$; a broken one: $\\frac{a$.

$$
\\int_0^1 x^2\\,dx = \\frac{1}{3}
$$

\`\`\`js
import {unified} from 'unified'
const file = await unified().use(remarkParse).process('# Hello, *Mercury*!')
\`\`\`

\`\`\`python
def fib(n):    # write Fibonacci series up to n
    """Print a Fibonacci series up to n."""
    a, b = 0, 1
\`\`\`
`
