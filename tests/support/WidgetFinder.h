#pragma once

#include <QWidget>

// Finds widgets the way assistive technology and the end-to-end tests do: by accessible name.
template <typename T>
T* findByName(const QWidget* root, const QString& accessibleName)
{
    const auto candidates = root->findChildren<T*>();
    for (T* widget : candidates) {
        if (widget->accessibleName() == accessibleName)
            return widget;
    }
    return nullptr;
}
