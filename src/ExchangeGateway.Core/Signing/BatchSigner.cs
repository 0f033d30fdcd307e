using System.Threading.Channels;
using ExchangeGateway.Core.Merkle;

namespace ExchangeGateway.Core.Signing;

/// <summary>
/// Batch signing without added waiting: one loop takes every envelope hash pending at that moment, builds a
/// Merkle tree, signs its root once and hands each message its proof. A lone message is a batch of one, signed at
/// once; under load the messages that arrive while one batch is being signed form the next.
/// </summary>
public sealed class BatchSigner : IAsyncDisposable
{
    /// <summary>The most messages one signature covers.</summary>
    public const int MaxBatch = 4096;

    private readonly MessageSigner _signer;
    private readonly Channel<Pending> _pending =
        Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;
    private long _signatures;
    private long _messages;

    /// <summary>Starts the signing loop for <paramref name="signer"/>.</summary>
    public BatchSigner(MessageSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        _signer = signer;
        _loop = Task.Run(SignLoopAsync);
    }

    /// <summary>The signing certificate.</summary>
    public MessageSigner Signer => _signer;

    /// <summary>Signatures made so far.</summary>
    public long Signatures => Interlocked.Read(ref _signatures);

    /// <summary>Messages signed so far.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Signs the SHA-256 hash of an envelope as part of the next batch.</summary>
    public Task<BatchSignature> SignAsync(byte[] envelopeHash)
    {
        ArgumentNullException.ThrowIfNull(envelopeHash);
        var pending = new Pending(envelopeHash);
        return _pending.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException<BatchSignature>(new ObjectDisposedException(nameof(BatchSigner)));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task SignLoopAsync()
    {
        var batch = new List<Pending>();
        while (await _pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            Sign(batch);
        }
    }

    private void Sign(List<Pending> batch)
    {
        try
        {
            var (root, paths) = MerkleTree.Build(batch.Select(p => p.Hash).ToList());
            var cms = _signer.Sign(SignedBatch.Content(root, batch.Count));
            Interlocked.Increment(ref _signatures);
            Interlocked.Add(ref _messages, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(new BatchSignature(cms, new InclusionProof(i, batch.Count, paths[i])));
            }
        }
        catch (Exception ex)
        {
            // Whatever the cause, the batch fails and the loop goes on: no caller is left waiting on a loop that
            // ended.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(byte[] hash)
    {
        public byte[] Hash { get; } = hash;

        public TaskCompletionSource<BatchSignature> Completion { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
