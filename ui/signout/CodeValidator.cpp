#include "CodeValidator.h"

namespace vigil {

CodeValidator::CodeValidator(int length, QObject* parent) : QValidator(parent), m_length(length) {}

CodeValidator::~CodeValidator() = default;

QValidator::State CodeValidator::validate(QString& input, int& pos) const
{
    QString digits;
    int newPos = 0;
    for (int i = 0; i < input.size(); ++i) {
        const int value = input.at(i).digitValue();
        if (value >= 0 && (m_length <= 0 || digits.size() < m_length))
            digits.append(QChar(char16_t(u'0' + value)));
        if (i < pos)
            newPos = int(digits.size());
    }
    if (pos >= input.size())
        newPos = int(digits.size());
    input = digits;
    pos = newPos;
    return m_length > 0 && digits.size() == m_length ? Acceptable : Intermediate;
}

void CodeValidator::fixup(QString& input) const
{
    int pos = int(input.size());
    validate(input, pos);
}

} // namespace vigil
