#pragma once

#include <QTranslator>

namespace vigil {

// Source strings use Qt's plural form ("%n device(s)"), so every language can have its own rules.
// Without a translation loaded Qt would show the "(s)" literally; this translator, installed
// first, turns it into English singular or plural. Real translations installed later win.
class EnglishPlurals final : public QTranslator
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnglishPlurals)

public:
    explicit EnglishPlurals(QObject* parent = nullptr);
    ~EnglishPlurals() override;

    QString translate(const char* context,
                      const char* sourceText,
                      const char* disambiguation = nullptr,
                      int n = -1) const override;
    bool isEmpty() const override { return false; }
};

} // namespace vigil
