using ExchangeGateway.Benchmarks.Processes;
using ExchangeGateway.Benchmarks.Setup;

namespace ExchangeGateway.Benchmarks.Run;

/// <summary>What every phase of one run shares: the work folder, the federation and its fixed exchange and
/// time-stamping ports,
/// the request bodies for h2load, the installed tools and the guard process.</summary>
internal sealed record PhaseContext(
    string WorkDirectory,
    FreePorts Ports,
    BenchmarkFederation Federation,
    int ConsumerExchangePort,
    int ProviderExchangePort,
    int TsaPort,
    IReadOnlyDictionary<int, string> RequestFiles,
    Tools Tools,
    ChildProcess Guard);
