#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace mockd {

// GCC 12 has no std::expected in C++20; this is the small subset the service needs.
template <typename E>
struct Unexpected
{
    E error;
};

template <typename E>
Unexpected<std::decay_t<E>> unexpected(E&& error)
{
    return Unexpected<std::decay_t<E>>{std::forward<E>(error)};
}

template <typename T, typename E>
class [[nodiscard]] Expected
{
public:
    Expected(const T& value) : m_value(std::in_place_index<0>, value) {}
    Expected(T&& value) : m_value(std::in_place_index<0>, std::move(value)) {}
    template <typename G>
    Expected(Unexpected<G> error) : m_value(std::in_place_index<1>, std::move(error.error))
    {}

    bool hasValue() const { return m_value.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T& value() & { return std::get<0>(m_value); }
    const T& value() const& { return std::get<0>(m_value); }
    T&& value() && { return std::get<0>(std::move(m_value)); }
    const E& error() const { return std::get<1>(m_value); }

    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    std::variant<T, E> m_value;
};

// For operations that only succeed or fail.
struct Ok
{};

} // namespace mockd
