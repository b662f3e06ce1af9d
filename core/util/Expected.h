#pragma once

#include <QtGlobal>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace vigil {

// The error side of an Expected, so `return Unexpected{error};` reads as what it is.
template <typename E>
struct Unexpected
{
    E error;
};
template <typename E>
Unexpected(E) -> Unexpected<E>;

// A small std::expected (C++23) stand-in: either a value or a typed error, never both, never neither.
// Accessing the wrong side is a programming error and asserts.
template <typename T, typename E>
class Expected
{
    static_assert(!std::is_same_v<T, E>, "value and error types must differ");

public:
    Expected(const T& value) : m_data(std::in_place_index<0>, value) {}
    Expected(T&& value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Expected(const Unexpected<E>& error) : m_data(std::in_place_index<1>, error.error) {}
    Expected(Unexpected<E>&& error) : m_data(std::in_place_index<1>, std::move(error.error)) {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T& value() const&
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_data);
    }
    T& value() &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_data);
    }
    T&& value() &&
    {
        Q_ASSERT(hasValue());
        return std::get<0>(std::move(m_data));
    }
    const E& error() const&
    {
        Q_ASSERT(!hasValue());
        return std::get<1>(m_data);
    }
    E&& error() &&
    {
        Q_ASSERT(!hasValue());
        return std::get<1>(std::move(m_data));
    }
    const T* operator->() const { return &value(); }
    const T& operator*() const& { return value(); }

private:
    std::variant<T, E> m_data;
};

// Success carries nothing; only the error is interesting.
template <typename E>
class Expected<void, E>
{
public:
    Expected() = default;
    Expected(const Unexpected<E>& error) : m_error(error.error) {}
    Expected(Unexpected<E>&& error) : m_error(std::move(error.error)) {}

    bool hasValue() const { return !m_error.has_value(); }
    explicit operator bool() const { return hasValue(); }

    const E& error() const
    {
        Q_ASSERT(m_error.has_value());
        return *m_error;
    }

private:
    std::optional<E> m_error;
};

} // namespace vigil
