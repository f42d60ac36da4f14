using System.Threading.Channels;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Writes the audit entries that come with reading, not with a change (a full ID number shown, a file downloaded): in batches, one
/// commit for every entry waiting when the writer is free (group commit), so that a district's busy morning costs a
/// commit per batch instead of a write per page view. The page does not wait for it; what is queued when the portal
/// stops is written before it exits (a crash loses the last batch, milliseconds of views). Entries of changes are
/// saved with the change itself, as before.
/// </summary>
public sealed class AuditWriter(IServiceScopeFactory scopes, ILogger<AuditWriter> log) : BackgroundService
{
    public const int MaxBatch = 512;

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Queues <paramref name="entry"/> (its source already set: no request is there when it is written).</summary>
    public ValueTask AddAsync(AuditEntry entry) => _queue.Writer.WriteAsync(entry);

    /// <summary>Queues <paramref name="entry"/> as coming from <paramref name="request"/>'s client.</summary>
    public ValueTask AddAsync(AuditEntry entry, HttpContext request)
    {
        entry.ComesFrom(ClientAddress.Of(request));
        return AddAsync(entry);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken)) await WriteWaitingAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await WriteWaitingAsync();
    }

    private async Task WriteWaitingAsync()
    {
        var batch = new List<AuditEntry>(MaxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) return;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
                db.Audit.AddRange(batch);
                await db.SaveChangesAsync();
            }
            catch (Exception ex)
            {
                // The writer goes on with later entries; these are in the log with what they recorded.
                log.LogError(ex, "Audit batch of {Count} failed: {Entries}", batch.Count,
                    string.Join("; ", batch.Select(e => $"{e.At:O} {e.UserName} {e.Action} {e.Detail} {e.Source}")));
            }
        }
    }
}
