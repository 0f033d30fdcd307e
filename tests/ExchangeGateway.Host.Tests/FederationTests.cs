using System.Text.Json;
using ExchangeGateway.Core.Envelopes;
using ExchangeGateway.Core.MessageLog;
using ExchangeGateway.Host.Tests.Support;
using ExchangeGateway.Testing.V1;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ExchangeGateway.Host.Tests;

public sealed class FederationTests
{
    [Fact]
    public async Task ExpiredConfiguration_RefusesTraffic_UntilANewOneIsPublished()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var federation = await TestFederation.StartAsync(time);
        var echo = federation.Echo();
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        time.Advance(TimeSpan.FromHours(25));
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("CONFIGURATION_EXPIRED", Errors.Reason(ex));

        federation.Publish(federation.DefaultDocument(time.GetUtcNow()));
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);
    }

    [Fact]
    public async Task ConfigurationSignedByOtherThanAnchor_IsRefused_AndLastGoodKept_AndSaidSo()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory());
        var good = federation.Consumer.Federation.Current!;
        var providerGood = federation.Provider.Federation.Current!;
        var forged = federation.Document with { Serial = good.Document.Serial + 1, Gateways = [] };

        federation.Publish(forged, signer: federation.Pki.Read("alpha-signing"));

        Assert.Same(good, federation.Consumer.Federation.Current);
        Assert.Same(providerGood, federation.Provider.Federation.Current);
        Assert.Contains(logs.Lines, line => line.Contains("federation.json refused: ", StringComparison.Ordinal)
            && line.Contains($"; serial {good.Document.Serial}, expiring at {good.ExpiresAt:O}, stays in force",
                StringComparison.Ordinal));
        await federation.Echo().SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout);
    }

    [Fact]
    public async Task ChangedConfiguration_IsSwappedInOnReload()
    {
        await using var federation = await TestFederation.StartAsync();
        var next = federation.Document with { Serial = federation.Document.Serial + 1 };

        federation.Publish(next);

        Assert.Equal(next.Serial, federation.Consumer.Federation.Current!.Document.Serial);
        Assert.Equal(next.Serial, federation.Provider.Federation.Current!.Document.Serial);
    }

    [Fact]
    public async Task MessageLogLocked_FailsClosedWithLogUnavailable_AndLosesNothingLogged()
    {
        await using var federation = await TestFederation.StartAsync();
        var echo = federation.Echo();
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        using (WriteLock.Hold(federation.Consumer.Options.MessageLogPath))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Equal("LOG_UNAVAILABLE", Errors.Reason(ex));
        }

        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);
        var records = federation.Consumer.MessageLog.Read().ToList();
        var verification = MessageLogVerifier.Verify(records, federation.Consumer.Federation.Current!);
        Assert.True(verification.IsValid, verification.Failure?.ToString());
        Assert.Equal(4, records.Count);
    }

    [Fact]
    public async Task ProviderLogLocked_WithholdsTheRegistryAnswer_AndBothChainsStayWhole()
    {
        await using var federation = await TestFederation.StartAsync();
        var echo = federation.Echo();
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        using (WriteLock.Hold(federation.Provider.Options.MessageLogPath))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                echo.SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("withheld") },
                    TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Equal("LOG_UNAVAILABLE", Errors.Reason(ex));
            Assert.Contains("provider gateway's message log", ex.Status.Detail, StringComparison.Ordinal);
        }

        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);
        var provider = federation.Provider.MessageLog.Read().ToList();
        var consumer = federation.Consumer.MessageLog.Read().ToList();
        var providerCheck = MessageLogVerifier.Verify(provider, federation.Provider.Federation.Current!);
        var consumerCheck = MessageLogVerifier.Verify(consumer, federation.Consumer.Federation.Current!);
        Assert.True(providerCheck.IsValid, providerCheck.Failure?.ToString());
        Assert.True(consumerCheck.IsValid, consumerCheck.Failure?.ToString());
        Assert.Equal(4, provider.Count);
        Assert.Equal(6, consumer.Count);
        Assert.Equal("UNAVAILABLE LOG_UNAVAILABLE", consumer[3].Record.Outcome);
    }

    [Fact]
    public async Task ProviderResponseRecordFails_AfterItsAnswerLeft_TheConsumerWithholdsTheAnswer()
    {
        // The provider sends its answer while the answer's record commits; here that commit fails (the log is
        // locked after the request record), so the status that follows the answer says so, and the consumer,
        // which has the answer checked and logged by then, must not hand it on, and logs how the call ended.
        await using var federation = await TestFederation.StartAsync();
        var echo = federation.Echo();
        await echo.SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);
        var id = "unlogged-" + Guid.NewGuid().ToString("N");
        var headers = TestFederation.Headers();
        headers.Add("xroad-message-id", id);

        var call = echo.SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("withheld"), DelayMs = 1500 },
            headers).ResponseAsync;
        var deadline = DateTime.UtcNow + Errors.Timeout;
        while (!federation.Provider.MessageLog.Read().Any(r => r.Record.MessageId == id))
        {
            Assert.True(DateTime.UtcNow < deadline, "the provider never logged the request");
            await Task.Delay(20);
        }

        using (WriteLock.Hold(federation.Provider.Options.MessageLogPath))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => call.WaitAsync(Errors.Timeout));

            Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
            Assert.Equal("LOG_UNAVAILABLE", Errors.Reason(ex));
            Assert.Contains("provider gateway's message log", ex.Status.Detail, StringComparison.Ordinal);
        }

        var provider = federation.Provider.MessageLog.Read().ToList();
        var consumer = federation.Consumer.MessageLog.Read().ToList();
        Assert.Equal([EnvelopeKind.Request], provider.Where(r => r.Record.MessageId == id)
            .Select(r => r.Record.Direction));
        Assert.Equal([("OK", true), ("UNAVAILABLE LOG_UNAVAILABLE", false)], consumer
            .Where(r => r.Record.MessageId == id && r.Record.Direction == EnvelopeKind.Response)
            .Select(r => (r.Record.Outcome, r.Record.Signature is not null)));
        var withheld = consumer.Last();
        Assert.Equal(id, withheld.Record.MessageId);
        Assert.Equal("UNAVAILABLE LOG_UNAVAILABLE", withheld.Record.Outcome);
        Assert.Null(withheld.Record.Signature);
        var providerCheck = MessageLogVerifier.Verify(provider, federation.Provider.Federation.Current!);
        var consumerCheck = MessageLogVerifier.Verify(consumer, federation.Consumer.Federation.Current!);
        Assert.True(providerCheck.IsValid, providerCheck.Failure?.ToString());
        Assert.True(consumerCheck.IsValid, consumerCheck.Failure?.ToString());
    }

    [Fact]
    public async Task ProviderGatewayDown_IsRefusedAsProviderUnreachable_AndLogged()
    {
        await using var federation = await TestFederation.StartAsync();
        federation.Publish(WithBetaGateways(federation, ClosedPort()));

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal("PROVIDER_UNREACHABLE", Errors.Reason(ex));
        var response = federation.Consumer.MessageLog.Read().Last();
        Assert.Equal("UNAVAILABLE PROVIDER_UNREACHABLE", response.Record.Outcome);
    }

    [Fact]
    public async Task RegistryDown_IsRefusedAsRegistryUnreachable_AndLoggedByBothGateways()
    {
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory());
        await federation.Registry.StopAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.True("REGISTRY_UNREACHABLE" == Errors.Reason(ex), ex.ToString());
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains($"the registry of {TestFederation.EchoService} could not be reached", ex.Status.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotContain(federation.Registry.Address.Authority, ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("UNAVAILABLE REGISTRY_UNREACHABLE", federation.Provider.MessageLog.Read().Last().Record.Outcome);
        Assert.Equal("UNAVAILABLE REGISTRY_UNREACHABLE", federation.Consumer.MessageLog.Read().Last().Record.Outcome);
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Warning ", StringComparison.Ordinal)
            && line.Contains($"Registry {federation.Registry.Address} of {TestFederation.EchoService} unreachable: ",
                StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegistryDroppingTheCall_IsRefusedAsRegistryUnreachable_NotSignedAsItsAnswer()
    {
        await using var federation = await TestFederation.StartAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { AbortAfterHeaders = true }, TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout));

        Assert.True("REGISTRY_UNREACHABLE" == Errors.Reason(ex), ex.ToString());
        Assert.Contains($"the connection to the registry of {TestFederation.EchoService} failed before it answered",
            ex.Status.Detail, StringComparison.Ordinal);
        var response = federation.Provider.MessageLog.Read().Last().Record;
        Assert.Equal(("UNAVAILABLE REGISTRY_UNREACHABLE", null), (response.Outcome, response.Signature));
    }

    [Theory]
    [InlineData("404", "Bad gRPC response. HTTP status code: 404")]
    [InlineData("503", "Bad gRPC response. HTTP status code: 503")]
    [InlineData("html", "Bad gRPC response. Invalid content-type value: text/html")]
    [InlineData("no-status", "No grpc-status found on response.")]
    public async Task RegistryAnsweringOtherThanGrpc_IsRefusedAsRegistryUnreachable_NotSignedAsItsAnswer(
        string answer, string clientSaid)
    {
        // A web server or proxy at the registry's address: the gRPC client makes a status of its own (UNIMPLEMENTED
        // for a 404, CANCELLED for a web page), which must not be signed and logged as the registry's answer.
        using var logs = new RecordingLoggers();
        await using var federation = await TestFederation.StartAsync(loggers: logs.Factory());
        var headers = TestFederation.Headers();
        headers.Add("echo-http-answer", answer);

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest(), headers).ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.True("REGISTRY_UNREACHABLE" == Errors.Reason(ex), ex.ToString());
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains($"the registry of {TestFederation.EchoService} did not answer in gRPC", ex.Status.Detail,
            StringComparison.Ordinal);
        var response = federation.Provider.MessageLog.Read().Last().Record;
        Assert.Equal(("UNAVAILABLE REGISTRY_UNREACHABLE", null), (response.Outcome, response.Signature));
        Assert.Equal("UNAVAILABLE REGISTRY_UNREACHABLE", federation.Consumer.MessageLog.Read().Last().Record.Outcome);
        Assert.Contains(logs.Lines, line => line.StartsWith("[beta-gw] Warning ", StringComparison.Ordinal)
            && line.Contains($"of {TestFederation.EchoService} unreachable: {clientSaid}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RegistryAnswerOverTheLimit_IsRefusedAsMessageTooLarge_NotSignedAsItsAnswer()
    {
        await using var federation = await TestFederation.StartAsync(maxMessageBytes: (64 * 1024, 64 * 1024));

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { ReplyBytes = 100 * 1024 }, TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout));

        Assert.True("MESSAGE_TOO_LARGE" == Errors.Reason(ex), ex.ToString());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains($"the registry of {TestFederation.EchoService} answered with a message larger than the " +
            "65536 bytes accepted", ex.Status.Detail, StringComparison.Ordinal);
        var response = federation.Provider.MessageLog.Read().Last().Record;
        Assert.Equal(("RESOURCE_EXHAUSTED MESSAGE_TOO_LARGE", null), (response.Outcome, response.Signature));
        Assert.Equal("RESOURCE_EXHAUSTED MESSAGE_TOO_LARGE",
            federation.Consumer.MessageLog.Read().Last().Record.Outcome);
    }

    [Fact]
    public async Task RequestOverTheLimit_IsRefusedByTheConsumerAsMessageTooLarge()
    {
        await using var federation = await TestFederation.StartAsync(maxMessageBytes: (64 * 1024, 64 * 1024));

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[100 * 1024]) }, TestFederation.Headers())
            .ResponseAsync.WaitAsync(Errors.Timeout));

        Assert.True("MESSAGE_TOO_LARGE" == Errors.Reason(ex), ex.ToString());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("is larger than the 65536 bytes accepted", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("RESOURCE_EXHAUSTED MESSAGE_TOO_LARGE",
            federation.Consumer.MessageLog.Read().Last().Record.Outcome);
        Assert.Empty(federation.Provider.MessageLog.Read());
    }

    [Fact]
    public async Task ProviderAnswerOverTheConsumersLimit_IsRefusedByTheConsumerAsMessageTooLarge()
    {
        // The provider accepts larger messages than the consumer: it signs and logs the registry's answer, which the
        // consumer then refuses to take.
        await using var federation = await TestFederation.StartAsync(maxMessageBytes: (64 * 1024, 1024 * 1024));

        var ex = await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
            .SayAsync(new EchoRequest { ReplyBytes = 512 * 1024 }, TestFederation.Headers()).ResponseAsync
            .WaitAsync(Errors.Timeout));

        Assert.True("MESSAGE_TOO_LARGE" == Errors.Reason(ex), ex.ToString());
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains($"the answer of the gateway of {TestFederation.Beta} is larger than the " +
            $"{(64 + 256) * 1024} bytes accepted", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("RESOURCE_EXHAUSTED MESSAGE_TOO_LARGE",
            federation.Consumer.MessageLog.Read().Last().Record.Outcome);
        Assert.Equal("OK", federation.Provider.MessageLog.Read().Last().Record.Outcome);
    }

    [Fact]
    public async Task ProviderGatewayDown_TheLogLineNamesTheWritingGatewayAndThePeerApart()
    {
        var folder = Directory.CreateTempSubdirectory("exgw-lines-");
        try
        {
            using (var loggers = GatewayLogging.Create(folder.FullName, console: false))
            await using (var federation = await TestFederation.StartAsync(loggers: loggers))
            {
                federation.Publish(WithBetaGateways(federation, ClosedPort()));
                await Assert.ThrowsAsync<RpcException>(() => federation.Echo()
                    .SayAsync(new EchoRequest(), TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout));
            }

            var line = File.ReadLines(Path.Combine(folder.FullName, "exgw.log.json"))
                .Select(l => JsonDocument.Parse(l).RootElement)
                .Single(l => l.GetProperty("@mt").GetString()!
                    .StartsWith("Provider gateway ", StringComparison.Ordinal));
            Assert.Equal(("alpha-gw", "beta-gw-0"),
                (line.GetProperty("Gateway").GetString(), line.GetProperty("Peer").GetString()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task FirstProviderGatewayDown_TheNextOneAnswers()
    {
        await using var federation = await TestFederation.StartAsync();
        federation.Publish(WithBetaGateways(federation, ClosedPort(), federation.Provider.ExchangeAddress));

        var reply = await federation.Echo().SayAsync(new EchoRequest { Payload = ByteString.CopyFromUtf8("on") },
            TestFederation.Headers()).ResponseAsync.WaitAsync(Errors.Timeout);

        Assert.Equal("on", reply.Payload.ToStringUtf8());
    }

    /// <summary>The current document with beta's gateways at <paramref name="addresses"/>, in that order.</summary>
    private static Core.Federation.FederationDocument WithBetaGateways(
        TestFederation federation, params Uri[] addresses)
    {
        var document = federation.Document;
        var beta = addresses.Select((address, i) =>
            federation.Gateway($"beta-gw-{i}", TestFederation.Beta, address, "beta"));
        return document with
        {
            Serial = document.Serial + 1,
            Gateways = [.. document.Gateways.Where(g => g.Owner != TestFederation.Beta), .. beta],
        };
    }

    /// <summary>A loopback address nothing listens on: a port just bound and let go.</summary>
    private static Uri ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"https://127.0.0.1:{port}");
    }

    /// <summary>Another connection's open write transaction on a message log: the gateway's writes fail.</summary>
    private sealed class WriteLock : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;

        private WriteLock(string path)
        {
            _connection = new SqliteConnection($"Data Source={path}");
            _connection.Open();
            _transaction = _connection.BeginTransaction(System.Data.IsolationLevel.Serializable);
            using var write = _connection.CreateCommand();
            write.Transaction = _transaction;
            write.CommandText = "CREATE TABLE IF NOT EXISTS lock_holder (x INTEGER)";
            write.ExecuteNonQuery();
        }

        public static WriteLock Hold(string path) => new(path);

        public void Dispose()
        {
            _transaction.Rollback();
            _transaction.Dispose();
            _connection.Dispose();
        }
    }
}
