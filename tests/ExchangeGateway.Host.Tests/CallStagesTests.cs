using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ExchangeGateway.Core;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;

namespace ExchangeGateway.Host.Tests;

/// <summary>Alone: the instrument is the process's, and other tests' gateways of the same names would add to it.
/// </summary>
[CollectionDefinition(nameof(CallStagesTests), DisableParallelization = true)]
public sealed class CallStagesAlone;

[Collection(nameof(CallStagesTests))]
public sealed class CallStagesTests
{
    [Fact]
    public async Task OneCall_RecordsEveryStageOfBothSides_InSeconds()
    {
        var seen = new ConcurrentBag<(string Gateway, string Side, string Stage, double Seconds)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meters) =>
        {
            if (instrument.Meter.Name == GatewayMeter.Name && instrument.Name == CallStages.InstrumentName)
            {
                meters.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var named = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string ?? "");
            seen.Add((named["exgw.gateway"], named["exgw.side"], named["exgw.stage"], value));
        });
        listener.Start();
        await using var federation = await TestFederation.StartAsync();

        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);

        var consumer = federation.Consumer.Options.Name;
        var provider = federation.Provider.Options.Name;
        string[] consumerStages =
        [
            CallStages.Seal, CallStages.RequestLog, CallStages.Exchange, CallStages.Verify, CallStages.ResponseLog,
            CallStages.Answered,
        ];
        string[] providerStages =
        [
            CallStages.Verify, CallStages.RequestLog, CallStages.Registry, CallStages.Seal, CallStages.ResponseLog,
            CallStages.Answered,
        ];
        var measured = seen.ToList();
        foreach (var (gateway, side, stages) in new[]
                 { (consumer, "consumer", consumerStages), (provider, "provider", providerStages) })
        {
            foreach (var stage in stages)
            {
                var values = measured.Where(m => m.Gateway == gateway && m.Side == side && m.Stage == stage)
                    .Select(m => m.Seconds).ToList();
                Assert.True(values.Count > 0, $"{side} {stage}: not recorded");
                Assert.All(values, v => Assert.InRange(v, double.Epsilon, 30));
            }
        }

        // Answered is the whole of a call in a gateway's handler: the consumer's holds its exchange, the provider's
        // its registry call. A call refused (here by the provider: no grant) records none on either side.
        double Once(string gateway, string stage) =>
            Assert.Single(measured, m => m.Gateway == gateway && m.Stage == stage).Seconds;
        Assert.True(Once(consumer, CallStages.Answered) > Once(consumer, CallStages.Exchange));
        Assert.True(Once(provider, CallStages.Answered) > Once(provider, CallStages.Registry));
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest(), TestFederation.Headers(client: TestFederation.Stranger)).ResponseAsync
            .WaitAsync(Errors.Timeout));
        Assert.Equal(2, seen.Count(m => m.Stage == CallStages.Answered));

        // The provider gateway never calls a provider, and the consumer never calls a registry.
        Assert.DoesNotContain(measured, m => m.Gateway == consumer && m.Stage == CallStages.Registry);
        Assert.DoesNotContain(measured, m => m.Gateway == provider && m.Stage == CallStages.Exchange);
    }
}
