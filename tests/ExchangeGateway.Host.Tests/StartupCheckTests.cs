using ExchangeGateway.Host.Tests.Support;

namespace ExchangeGateway.Host.Tests;

public sealed class StartupCheckTests(FederationFixture fixture) : IClassFixture<FederationFixture>
{
    [Fact]
    public void RegisteredGateway_HasNoProblems()
    {
        var node = fixture.Federation.Consumer;

        Assert.Empty(StartupCheck.Problems(node.Options, node.Federation.Current));
    }

    [Fact]
    public void UnregisteredNameAndSwappedCertificates_AreEachNamed()
    {
        var node = fixture.Federation.Consumer;
        var wrong = node.Options with
        {
            Name = "nosuch-gw",
            SigningCertificate = node.Options.TlsCertificate,
        };

        var problems = StartupCheck.Problems(wrong, node.Federation.Current);

        Assert.Contains(problems, p => p.Contains("'nosuch-gw' is not registered", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("TLS certificate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("signing certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void NoConfiguration_IsNamed()
    {
        var problems = StartupCheck.Problems(fixture.Federation.Consumer.Options, null);

        Assert.Contains("no federation configuration is in force", Assert.Single(problems), StringComparison.Ordinal);
    }
}
