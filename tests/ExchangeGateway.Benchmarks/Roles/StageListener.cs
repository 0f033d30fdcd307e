using System.Diagnostics.Metrics;
using ExchangeGateway.Core;
using ExchangeGateway.Host;

namespace ExchangeGateway.Benchmarks.Roles;

/// <summary>
/// The gateway's own stage durations (<see cref="CallStages"/>), gathered in the gateway process: each
/// <see cref="Request"/> line is answered with the median of every stage since the previous one, in microseconds,
/// so that the benchmark's ask before a point starts the count and its ask after the point reads it.
/// </summary>
internal sealed class StageListener : IDisposable
{
    public const string Request = "STAGES";

    /// <summary>The most durations kept per stage between two asks; later ones are not counted.</summary>
    private const int Limit = 1_000_000;

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private Dictionary<(string? Side, string? Stage), List<double>> _samples = [];

    public StageListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayMeter.Name && instrument.Name == CallStages.InstrumentName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            string? side = null;
            string? stage = null;
            foreach (var tag in tags)
            {
                side = tag.Key == "exgw.side" ? tag.Value as string : side;
                stage = tag.Key == "exgw.stage" ? tag.Value as string : stage;
            }

            Add((side, stage), seconds * 1e6);
        });
        _listener.Start();
    }

    /// <summary>Answers <see cref="Request"/> lines with the median of each stage since the last answer.</summary>
    public void Answer(string line)
    {
        if (line != Request)
        {
            return;
        }

        Dictionary<(string? Side, string? Stage), List<double>> samples;
        lock (_gate)
        {
            (samples, _samples) = (_samples, []);
        }

        ReadyLine.Write(Request, samples.ToDictionary(s => $"{s.Key.Side} {s.Key.Stage}", s => Median(s.Value)));
    }

    public void Dispose() => _listener.Dispose();

    private void Add((string? Side, string? Stage) stage, double microseconds)
    {
        lock (_gate)
        {
            if (!_samples.TryGetValue(stage, out var list))
            {
                _samples[stage] = list = [];
            }

            if (list.Count < Limit)
            {
                list.Add(microseconds);
            }
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return Math.Round(values[values.Count / 2], 1);
    }
}
