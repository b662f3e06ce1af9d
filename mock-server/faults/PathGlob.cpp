#include "faults/PathGlob.h"

namespace mockd::PathGlob {

bool matches(QStringView pattern, QStringView path)
{
    // Iterative matching with one backtrack point: linear for the patterns QA writes, never
    // exponential whatever the pattern.
    qsizetype p = 0;
    qsizetype s = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (s < path.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == path[s])) {
            ++p;
            ++s;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            resume = s;
        } else if (star >= 0) {
            p = star + 1;
            s = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

} // namespace mockd::PathGlob
