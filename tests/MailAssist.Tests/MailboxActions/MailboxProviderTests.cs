using MailAssist.Api.MailboxActions;
using Microsoft.Extensions.Configuration;

namespace MailAssist.Tests.MailboxActions;

public sealed class MailboxProviderTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Test]
    public void Development_sign_in_carries_out_decisions_in_the_demo_mailbox() =>
        Assert.That(MailboxActionsRegistration.ChooseProvider(Settings()), Is.EqualTo(MailboxProvider.Demo));

    [Test]
    public void Entra_ID_without_an_app_credential_uses_the_demo_mailbox() =>
        Assert.That(MailboxActionsRegistration.ChooseProvider(Settings(("Auth:Mode", "EntraId"))), Is.EqualTo(MailboxProvider.Demo));

    [TestCase("AzureAd:ClientSecret", "hemmelig")]
    [TestCase("AzureAd:ClientCertificatePath", "/etc/mailassist/app.pfx")]
    public void Entra_ID_with_an_app_credential_acts_through_Graph(string key, string value) =>
        Assert.That(MailboxActionsRegistration.ChooseProvider(Settings(("Auth:Mode", "EntraId"), (key, value))), Is.EqualTo(MailboxProvider.Graph));

    [Test]
    public void The_demo_mailbox_can_be_chosen_with_Graph_credentials() =>
        Assert.That(MailboxActionsRegistration.ChooseProvider(Settings(("Auth:Mode", "EntraId"), ("AzureAd:ClientSecret", "x"), ("MailboxActions:Provider", "demo"))),
            Is.EqualTo(MailboxProvider.Demo));

    [Test]
    public void Graph_without_Entra_ID_sign_in_is_refused_naming_the_keys()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MailboxActionsRegistration.ChooseProvider(Settings(("MailboxActions:Provider", "Graph"))));

        Assert.That(error!.Message, Does.Contain("MailboxActions__Provider=Graph").And.Contain("Auth__Mode=EntraId"));
    }

    [Test]
    public void Graph_without_an_app_credential_is_refused_naming_the_keys()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            MailboxActionsRegistration.ChooseProvider(Settings(("MailboxActions:Provider", "Graph"), ("Auth:Mode", "EntraId"))));

        Assert.That(error!.Message, Does.Contain("AzureAd__ClientSecret"));
    }

    [Test]
    public void An_unknown_provider_is_refused() =>
        Assert.That(() => MailboxActionsRegistration.ChooseProvider(Settings(("MailboxActions:Provider", "Exchange"))),
            Throws.InvalidOperationException.With.Message.Contains("Auto, Demo or Graph"));

    [TestCase("http://graph.microsoft.com/v1.0", "00:00:25", "00:00:10", "Graph__BaseUrl")]
    [TestCase("https://graph.microsoft.com/v1.0", "00:10:00", "00:00:10", "Graph__TotalTimeout")]
    [TestCase("https://graph.microsoft.com/v1.0", "00:00:05", "00:00:10", "Graph__AttemptTimeout")]
    public void Bad_Graph_settings_are_named(string baseUrl, string total, string attempt, string key)
    {
        var result = new GraphOptionsValidator().Validate(null,
            new GraphOptions { BaseUrl = baseUrl, TotalTimeout = TimeSpan.Parse(total), AttemptTimeout = TimeSpan.Parse(attempt) });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain(key));
    }

    [Test]
    public void The_default_Graph_settings_and_a_loopback_fake_are_valid()
    {
        Assert.That(new GraphOptionsValidator().Validate(null, new GraphOptions()).Succeeded, Is.True);
        Assert.That(new GraphOptionsValidator().Validate(null, new GraphOptions { BaseUrl = "http://127.0.0.1:5000/v1.0" }).Succeeded, Is.True);
    }
}
