using ExchangeGateway.Registries.Police.V1;
using ExchangeGateway.Registries.Tests.Fakes;

namespace ExchangeGateway.Registries.Tests.Police;

public sealed class PoliceRegistryTests
{
    [Fact]
    public async Task ListCrossings_KnownDocument_ReturnsCrossingsOldestFirst()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new BorderCrossings.BorderCrossingsClient(running.Channel);
        var person = running.Population.FirstWithTemporaryProtection();
        var expected = running.Population.CrossingsOf(person.DocumentNumber);

        var response = await RpcAssert.Succeeds(
            client.ListCrossingsAsync(
                new ListCrossingsRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.BorderCrossings);

        Assert.Equal(person.Surname, response.Surname);
        Assert.Equal(expected.Select(c => c.CrossingId), response.Crossings.Select(c => c.CrossingId));
        Assert.Equal(
            expected.Select(c => c.CrossedAt), response.Crossings.Select(c => c.CrossedAt.ToDateTimeOffset()));
        Assert.Equal(Direction.Entry, response.Crossings[0].Direction);
        Assert.Equal("UKR", response.Crossings[0].NeighbouringState);
        Assert.Equal(TransportMode.Road, response.Crossings[0].TransportMode);
    }

    [Fact]
    public async Task ListCrossings_UnknownDocument_IsNotFoundWithRegistryTrailer()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new BorderCrossings.BorderCrossingsClient(running.Channel);

        await RpcAssert.IsNotFound(
            client.ListCrossingsAsync(
                new ListCrossingsRequest { DocumentNumber = RpcAssert.UnknownDocument },
                deadline: TestTimeouts.Deadline),
            RegistryNames.BorderCrossings);
    }

    [Fact]
    public async Task CheckAlerts_PersonWithAlert_ReturnsTheAlerts()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new Alerts.AlertsClient(running.Channel);
        var person = running.Population.FirstWithAlert();
        var expected = running.Population.AlertsOf(person.DocumentNumber);

        var response = await RpcAssert.Succeeds(
            client.CheckAlertsAsync(
                new CheckAlertsRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.Alerts);

        Assert.True(response.HasAlerts);
        Assert.Equal(expected.Select(a => a.AlertId), response.Alerts.Select(a => a.AlertId));
        Assert.All(response.Alerts, alert =>
        {
            Assert.NotEqual(AlertType.Unspecified, alert.AlertType);
            Assert.False(string.IsNullOrEmpty(alert.IssuingAuthority));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", alert.IssuedOn);
        });
    }

    [Fact]
    public async Task CheckAlerts_PersonWithoutAlert_ReturnsNoAlerts()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new Alerts.AlertsClient(running.Channel);
        var person = running.Population.FirstWithoutAlert();

        var response = await RpcAssert.Succeeds(
            client.CheckAlertsAsync(
                new CheckAlertsRequest { DocumentNumber = person.DocumentNumber }, deadline: TestTimeouts.Deadline),
            RegistryNames.Alerts);

        Assert.False(response.HasAlerts);
        Assert.Empty(response.Alerts);
    }

    [Fact]
    public async Task CheckAlerts_UnknownDocument_IsNotFoundWithRegistryTrailer()
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new Alerts.AlertsClient(running.Channel);

        await RpcAssert.IsNotFound(
            client.CheckAlertsAsync(
                new CheckAlertsRequest { DocumentNumber = RpcAssert.UnknownDocument },
                deadline: TestTimeouts.Deadline),
            RegistryNames.Alerts);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MP12345/7")]
    public async Task CheckAlerts_MalformedDocumentNumber_IsInvalidArgument(string documentNumber)
    {
        await using var running = await RunningRegistry.StartAsync(RegistryKind.Police);
        var client = new Alerts.AlertsClient(running.Channel);

        await RpcAssert.IsInvalidArgument(
            client.CheckAlertsAsync(
                new CheckAlertsRequest { DocumentNumber = documentNumber }, deadline: TestTimeouts.Deadline));
    }
}
