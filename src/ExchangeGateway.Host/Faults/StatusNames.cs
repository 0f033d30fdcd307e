using Grpc.Core;

namespace ExchangeGateway.Host.Faults;

/// <summary>gRPC status codes by their canonical upper-case names, as the message log and reports print them.</summary>
public static class StatusNames
{
    /// <summary>The trailer that carries the serialised <c>google.rpc.Status</c>.</summary>
    public const string DetailsTrailer = "grpc-status-details-bin";

    /// <summary>The canonical name of <paramref name="code"/>, e.g. <c>PERMISSION_DENIED</c>.</summary>
    public static string Of(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => $"STATUS_{(int)code}",
    };
}
