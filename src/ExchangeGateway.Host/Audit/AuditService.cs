using ExchangeGateway.Host.Audit.V1;
using Grpc.Core;

namespace ExchangeGateway.Host.Audit;

/// <summary>
/// The audit endpoint's gRPC service. Callers are authenticated and authorised before any method runs, by
/// <see cref="AuditGate"/>.
/// </summary>
internal sealed class AuditService(AuditSearch search, AuditEvidence evidence, ArchiveFolder archives)
    : V1.Audit.AuditBase
{
    /// <inheritdoc />
    public override Task<SearchResponse> Search(SearchRequest request, ServerCallContext context) =>
        Task.FromResult(search.Search(request));

    /// <inheritdoc />
    public override Task<GetEvidenceResponse> GetEvidence(GetEvidenceRequest request, ServerCallContext context) =>
        Task.FromResult(evidence.Get(request));

    /// <inheritdoc />
    public override Task<ListArchivesResponse> ListArchives(ListArchivesRequest request, ServerCallContext context) =>
        Task.FromResult(archives.List());

    /// <inheritdoc />
    public override Task GetArchive(
        GetArchiveRequest request, IServerStreamWriter<ArchiveChunk> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return archives.SendAsync(request.Name, responseStream, context.CancellationToken);
    }
}
