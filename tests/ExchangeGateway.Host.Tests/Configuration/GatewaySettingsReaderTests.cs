using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Host.Tests.Configuration;

public sealed class GatewaySettingsReaderTests
{
    [Fact]
    public void TryReadServices_FileWithCommentsAndTrailingCommas_Reads()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("exgw-settings-").FullName, "gateway.json");
        File.WriteAllText(path, """
            {
              // edited by hand
              "member": "MD/GOV/1006601000037",
              "subsystems": [ { "code": "registry", }, ],
              "services": [
                {
                  "subsystem": "registry",
                  "name": "migration.v1.ResidencePermits",
                  "registry": "http://127.0.0.1:7103/",
                  "grants": [ { "client": "MD/GOV/1006601000101/border-control", "methods": [ "GetPermit", ] }, ],
                },
              ],
            }
            """);

        var read = GatewaySettingsReader.TryReadServices(path, null, out var entries, out var errors);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

        Assert.True(read, string.Join("\n", errors));
        Assert.Equal((1, 1, 1),
            (entries!.Services.Count, entries.AccessRights.Count, entries.AccessRights.MethodsNamed));
    }

    [Fact]
    public void SettingsWithManyErrors_AreRefused_ReportingEveryErrorAtOnce()
    {
        var settings = new GatewaySettings
        {
            Name = "bad name",
            Member = "MD/GOV/1006601000037",
            ClientEndpoint = new ClientEndpointSettings { Address = "10.1.2.3:7101", Tls = false },
            ExchangeEndpoint = "not-an-endpoint",
            Archiving = new ArchivingSettings { Directory = "", PeriodHours = 0, MaxRecords = 0, RetentionDays = -1 },
            Subsystems = [new SubsystemSettings { Code = "ok" }, new SubsystemSettings { Code = "ok" }],
            Services =
            [
                new ServiceSettings { Subsystem = "missing", Name = "a.B", Registry = "http://127.0.0.1:1" },
                new ServiceSettings
                {
                    Subsystem = "ok",
                    Name = "migration.v1.ResidencePermits",
                    Registry = "ftp://127.0.0.1",
                },
                new ServiceSettings
                {
                    Subsystem = "ok",
                    Name = "migration.v1.Foreigners",
                    Registry = "http://127.0.0.1:1",
                    Grants = [new GrantSettings { Client = "MD/GOV", Methods = ["Get Foreigner"] }],
                },
            ],
        };

        var valid = GatewaySettingsReader.TryBuild(settings, Path.GetTempPath(), out var options, out var errors);

        Assert.False(valid);
        Assert.Null(options);
        var all = string.Join("\n", errors);
        Assert.Contains("name: contains white space", all, StringComparison.Ordinal);
        Assert.Contains(
            "plain HTTP/2 (tls: false) is allowed only on a loopback address", all, StringComparison.Ordinal);
        Assert.Contains("exchangeEndpoint 'not-an-endpoint'", all, StringComparison.Ordinal);
        Assert.Contains("tlsCertificate: cannot load", all, StringComparison.Ordinal);
        Assert.Contains("signingCertificate: cannot load", all, StringComparison.Ordinal);
        Assert.Contains("federation.document: file", all, StringComparison.Ordinal);
        Assert.Contains("subsystems[1].code 'ok': listed twice", all, StringComparison.Ordinal);
        Assert.Contains("services[0].subsystem 'missing'", all, StringComparison.Ordinal);
        Assert.Contains("services[1].registry 'ftp://127.0.0.1'", all, StringComparison.Ordinal);
        Assert.Contains("services[2].grants[0].methods 'Get Foreigner'", all, StringComparison.Ordinal);
        Assert.Contains("services[2].grants[0].client 'MD/GOV'", all, StringComparison.Ordinal);
        Assert.Contains("archiving.directory: must be set", all, StringComparison.Ordinal);
        Assert.Contains("archiving.periodHours: must be between 1 and 8784", all, StringComparison.Ordinal);
        Assert.Contains("archiving.maxRecords: must be between 1 and 10000000", all, StringComparison.Ordinal);
        Assert.Contains("archiving.retentionDays: must be between 0 and 36500", all, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownNestedProperty_IsRefusedWithItsPathAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"name\": \"x\",\n  \"timestamping\": { \"intervalSecond\": 5 }\n}");
        try
        {
            Assert.False(GatewaySettingsReader.TryRead(path, out _, out var errors));
            Assert.EndsWith("unknown setting 'timestamping.intervalSecond' (line 3); check its spelling",
                errors.Single(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{\n  \"name\": \"x\",,\n}", "line 2: ")]
    [InlineData("{\n  \"name\": \"x\",\n  \"logCalls\": \"yes\"\n}", "line 3, setting 'logCalls': not true or false")]
    [InlineData("{ \"maxMessageBytes\": \"big\" }", "line 1, setting 'maxMessageBytes': not a number")]
    [InlineData("{ \"services\": [ { \"grants\": [ { \"methods\": \"GetPermit\" } ] } ] }",
        "line 1, setting 'services[0].grants[0].methods': not a list ([...])")]
    public void MalformedJson_IsRefusedWithItsLineFromOne_AndTheKindOfValueNotATypeName(string json, string said)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            Assert.False(GatewaySettingsReader.TryReadServices(path, null, out _, out var errors));
            var error = errors.Single();
            Assert.True(error.StartsWith($"{path}: {said}", StringComparison.Ordinal), error);
            Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UnknownProperty_IsRefusedWithItsName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gateway-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "name": "x", "acessRights": [] }""");
        try
        {
            Assert.False(GatewaySettingsReader.TryRead(path, out _, out var errors));
            Assert.EndsWith("unknown setting 'acessRights' (line 1); check its spelling", errors.Single(),
                StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
