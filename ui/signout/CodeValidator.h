#pragma once

#include <QValidator>

namespace vigil {

// Keeps only digits in a code field, so a pasted "123 456", "123-456" or "Your code: 123456" is
// still the code; digits of other scripts become ASCII digits, and at most `length` are kept.
class CodeValidator final : public QValidator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodeValidator)

public:
    explicit CodeValidator(int length, QObject* parent = nullptr);
    ~CodeValidator() override;

    State validate(QString& input, int& pos) const override;
    void fixup(QString& input) const override;

private:
    int m_length;
};

} // namespace vigil
