using System.Collections.Concurrent;

namespace ExchangeGateway.Host.Tests.Timestamping;

/// <summary>Counts the requests the client sends to each address, whether or not they reach anything.</summary>
internal sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler
{
    ConnectTimeout = TimeSpan.FromSeconds(10),
})
{
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public int this[Uri address] => _counts.GetValueOrDefault(address.Authority);

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _counts.AddOrUpdate(request.RequestUri!.Authority, 1, (_, count) => count + 1);
        return base.SendAsync(request, cancellationToken);
    }
}
