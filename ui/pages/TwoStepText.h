#pragma once

#include "core/account/Account.h"

#include <QCoreApplication>

namespace vigil {

// How the pages put an account's 2-step verification into words, the same everywhere.
class TwoStepText final
{
    Q_DECLARE_TR_FUNCTIONS(vigil::TwoStepText)

public:
    TwoStepText() = delete;

    static QString summary(const TwoStepMethods& methods);
};

} // namespace vigil
