using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Host.Timestamping;

/// <summary>The authority's answer to one request.</summary>
/// <param name="Reply">The DER TimeStampResp, the body of the <c>application/timestamp-reply</c>.</param>
/// <param name="Status">The PKIStatus in it.</param>
/// <param name="Detail">For the diagnostic log: the serial and imprint, or why the request was refused.</param>
internal sealed record TimestampAnswer(byte[] Reply, TimestampStatus Status, string Detail);
