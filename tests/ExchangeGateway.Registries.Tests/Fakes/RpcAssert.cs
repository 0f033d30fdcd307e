using Grpc.Core;

namespace ExchangeGateway.Registries.Tests.Fakes;

/// <summary>Assertions on gRPC calls that a registry refuses.</summary>
internal static class RpcAssert
{
    /// <summary>Ten characters: valid as a query, but no generated passport number is that long.</summary>
    public const string UnknownDocument = "XX12345678";

    public static async Task<RpcException> FailsWith<TResponse>(AsyncUnaryCall<TResponse> call, StatusCode expected)
    {
        using (call)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync.WaitAsync(TestTimeouts.Await));
            Assert.Equal(expected, error.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
            return error;
        }
    }

    /// <summary>NOT_FOUND, with the registry named in the header and in the registry-record trailer.</summary>
    public static async Task IsNotFound<TResponse>(AsyncUnaryCall<TResponse> call, string registry)
    {
        var headers = await call.ResponseHeadersAsync.WaitAsync(TestTimeouts.Await);
        var error = await FailsWith(call, StatusCode.NotFound);

        Assert.Equal(registry, headers.GetValue(RegistryHeaders.RegistryName));
        Assert.Equal(registry, error.Trailers.GetValue(RegistryHeaders.RegistryRecord));
    }

    public static Task IsInvalidArgument<TResponse>(AsyncUnaryCall<TResponse> call) =>
        FailsWith(call, StatusCode.InvalidArgument);

    /// <summary>Awaits a call that succeeds, checking that the registry named itself in the response header.</summary>
    public static async Task<TResponse> Succeeds<TResponse>(AsyncUnaryCall<TResponse> call, string registry)
    {
        using (call)
        {
            var headers = await call.ResponseHeadersAsync.WaitAsync(TestTimeouts.Await);
            Assert.Equal(registry, headers.GetValue(RegistryHeaders.RegistryName));
            return await call.ResponseAsync.WaitAsync(TestTimeouts.Await);
        }
    }
}
