#pragma once

#include <QtGlobal>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace mockd {

// GCC 12 has no std::expected in C++20; this is the small subset the service needs. The app keeps
// its own (core/util/Expected.h) with the same names and meaning: the two programs share nothing
// but the contract, so neither includes the other's code.

// The error side of an Expected, so `return Unexpected{error};` reads as what it is.
template <typename E>
struct Unexpected
{
    E error;
};
template <typename E>
Unexpected(E) -> Unexpected<E>;

template <typename E>
Unexpected<std::decay_t<E>> unexpected(E&& error)
{
    return Unexpected<std::decay_t<E>>{std::forward<E>(error)};
}

// Either a value or a typed error, never both, never neither. Accessing the wrong side is a
// programming error and asserts.
template <typename T, typename E>
class [[nodiscard]] Expected
{
    static_assert(!std::is_same_v<T, E>, "value and error types must differ");

public:
    Expected(const T& value) : m_data(std::in_place_index<0>, value) {}
    Expected(T&& value) : m_data(std::in_place_index<0>, std::move(value)) {}
    template <typename G>
    Expected(Unexpected<G> error) : m_data(std::in_place_index<1>, std::move(error.error))
    {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() &
    {
        Q_ASSERT(hasValue());
        return std::get<0>(m_data);
    }
    const T& value() const&
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

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, E> m_data;
};

// Success carries nothing; only the error is interesting.
template <typename E>
class [[nodiscard]] Expected<void, E>
{
public:
    Expected() = default;
    template <typename G>
    Expected(Unexpected<G> error) : m_error(std::move(error.error))
    {}

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

// For operations that only succeed or fail, where `return Ok{};` reads better than `return {};`.
struct Ok
{};

} // namespace mockd
