#pragma once

#include <QtGlobal>
#include <memory>

class QString;
class QUrl;

namespace vigil {

class ActivityService;
class AppSettings;
class CredentialStore;
class DemoOutbox;
class DeviceListModel;
class EventStream;
class ProfileService;
class Session;
class SignInFlow;
class WindowController;

// Every object of the running client, built once and wired: network, session, sign-in, the
// services, models and flows behind each page, the windows. What differs between the real app and
// a tour of its pages (where settings are kept, which keychain, demo or not) comes in from outside;
// options, QApplication and the demo service's lifecycle stay with the caller.
class Composition final
{
    Q_DISABLE_COPY_MOVE(Composition)

public:
    // settings and credentials must outlive the composition. In demo mode the sign-in is not
    // remembered and the pages show the demo inbox.
    Composition(AppSettings* settings, CredentialStore* credentials, bool demo);
    ~Composition();

    // The demo service is up: show its account on the sign-in window and sign in to it.
    void signInToDemo(const QUrl& url, const QString& adminKey);

    Session* session() const;
    SignInFlow* signInFlow() const;
    WindowController* windows() const;
    DemoOutbox* demoOutbox() const;
    EventStream* events() const;
    DeviceListModel* deviceModel() const;
    ProfileService* profiles() const;
    ActivityService* activity() const;

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

} // namespace vigil
