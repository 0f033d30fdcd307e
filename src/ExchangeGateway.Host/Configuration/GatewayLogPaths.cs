namespace ExchangeGateway.Host.Configuration;

/// <summary>Where a gateway keeps its evidence, as its configuration file names it (paths resolved).</summary>
/// <param name="Name">The gateway's name.</param>
/// <param name="MessageLog">The message log database.</param>
/// <param name="SubjectKey">The key under which data subjects are hashed.</param>
/// <param name="Archives">The folder of its archive files.</param>
public sealed record GatewayLogPaths(string Name, string MessageLog, string SubjectKey, string Archives);
