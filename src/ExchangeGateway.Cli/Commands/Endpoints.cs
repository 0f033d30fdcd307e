using ExchangeGateway.Cli.Demo;

namespace ExchangeGateway.Cli.Commands;

/// <summary>Prints where each part of the demo federation listens.</summary>
internal static class Endpoints
{
    public static void Print(DemoFederation federation, TextWriter output)
    {
        output.WriteLine($"PKI (generated on demand, never committed): {federation.Pki.Directory}");
        output.WriteLine($"Federation configuration (signed):          {federation.FederationDocumentPath}");
        var population = federation.Population;
        output.WriteLine($"Population: {population.Persons.Count} persons, seed {population.Seed}");
        foreach (var agency in DemoAgencies.All)
        {
            var gateway = federation.Gateways[agency];
            output.WriteLine($"{agency.Name} ({agency.Member})");
            output.WriteLine($"  client endpoint   {gateway.ClientAddress}  (mutual TLS; client {agency.Client})");
            output.WriteLine($"  exchange endpoint {gateway.ExchangeAddress}  (mutual TLS, gateways only)");
            output.WriteLine($"  registry          {federation.Registries[agency].Address}  " +
                $"({string.Join(", ", federation.Registries[agency].Services)})");
            output.WriteLine($"  configuration     {Path.Combine(federation.Directory, agency.Key, "gateway.json")}");
        }
    }
}
