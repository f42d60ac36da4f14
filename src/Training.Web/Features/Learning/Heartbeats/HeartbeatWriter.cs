using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Web.Features.Learning.Study;
using Training.Web.Infrastructure;

namespace Training.Web.Features.Learning.Heartbeats;

/// <summary>
/// Credits heartbeats in batches (group commit): every heartbeat waiting when the writer is free is
/// read in one query, credited by the domain's rules in the order received (two copies of one
/// heartbeat in a batch: the second finds the first already counted and earns nothing) and saved in
/// one transaction, so that thousands of learners cost one commit (one disk flush) per batch instead
/// of one each, and heartbeats never wait on each other's database locks. Server time is the moment
/// each heartbeat arrived, not when its batch is written. Across web nodes, the playback's
/// concurrency token still keeps two nodes from crediting one interval twice: a batch that meets
/// another node's change is redone one heartbeat at a time, and only the one that collided is refused.
/// </summary>
public sealed class HeartbeatWriter(IServiceScopeFactory scopes, ILogger<HeartbeatWriter> log) : BackgroundService
{
    public const int MaxBatch = 512;

    /// <summary>What a player reported, as the endpoint read it, and when it arrived.</summary>
    public sealed record Beat(int PersonId, int LessonId, string PlaybackId, double Position, PlaybackState State, DateTime ReceivedAt);

    public enum Outcome { Credited, UnknownPlayback, Conflict }

    /// <summary>What a heartbeat earned and where the lesson stands after it.</summary>
    public sealed record Result(Outcome Outcome, double Credited = 0, double CreditedTotal = 0, double Furthest = 0, bool Completed = false,
        bool Newest = false, decimal? CourseHours = null);

    private sealed record Pending(Beat Beat, TaskCompletionSource<Result> Done);

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(50_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    public async Task<Result> CreditAsync(Beat beat, CancellationToken ct)
    {
        var pending = new Pending(beat, new TaskCompletionSource<Result>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                if (!await WriteAsync(batch, stoppingToken))
                    foreach (var one in batch)
                        if (!await WriteAsync([one], stoppingToken)) one.Done.TrySetResult(new Result(Outcome.Conflict));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed batch must not stop the writer: its heartbeats fail (the player retries on the next beat), later ones go on.
                log.LogError(ex, "Heartbeat batch of {Count} failed", batch.Count);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Credits and saves the batch; false (nothing saved) when another node changed one of its playbacks meanwhile.</summary>
    private async Task<bool> WriteAsync(IReadOnlyList<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var ids = batch.Select(p => p.Beat.PlaybackId).Distinct().ToList();
        var rows = await (
                from p in db.Playbacks
                where ids.Contains(p.PublicId)
                join l in db.Lessons on p.LessonId equals l.Id
                join x in db.LessonProgress on new { p.PersonId, p.LessonId } equals new { x.PersonId, x.LessonId } into progresses
                from x in progresses.DefaultIfEmpty()
                select new Row
                {
                    Playback = p,
                    Progress = x,
                    Kind = l.Kind,
                    Published = l.Course.State == CourseState.Published,
                    Newest = !db.Playbacks.Any(o => o.PersonId == p.PersonId && o.Id > p.Id),
                })
            .ToDictionaryAsync(r => r.Playback.PublicId, ct);

        var results = new List<(Pending Pending, Result Result, bool CompletedNow)>(batch.Count);
        foreach (var pending in batch)
        {
            var beat = pending.Beat;
            // Another learner's id, or the id of another lesson, is not found: it is not theirs to report.
            if (!rows.TryGetValue(beat.PlaybackId, out var row) || row.Playback.PersonId != beat.PersonId || row.Playback.LessonId != beat.LessonId)
            {
                results.Add((pending, new Result(Outcome.UnknownPlayback), false));
                continue;
            }
            // An older playback (another tab or phone opened since) and a withdrawn course earn nothing, and leave the progress alone.
            var counts = row.Newest && row.Published && row.Progress is not null;
            var credited = row.Playback.Beat(beat.Position, beat.State, beat.ReceivedAt, counts);
            var completedNow = false;
            if (counts)
            {
                var before = row.Progress!.IsCompleted;
                row.Progress.Record(credited, row.Playback.LastPosition, row.Kind, row.Playback.DurationSeconds, beat.ReceivedAt);
                completedNow = !before && row.Progress.IsCompleted;
            }
            var p = row.Progress;
            results.Add((pending, new Result(Outcome.Credited, credited, p?.CreditedSeconds ?? 0, p?.FurthestPosition ?? 0, p?.IsCompleted ?? false, row.Newest),
                completedNow));
        }
        if (!await db.TrySaveAsync(ct)) return false;

        var completion = scope.ServiceProvider.GetRequiredService<CourseCompletion>();
        foreach (var (pending, result, completedNow) in results)
        {
            var entry = completedNow ? await completion.RecordIfCompletedAsync(pending.Beat.PersonId, pending.Beat.LessonId, ct) : null;
            pending.Done.TrySetResult(entry is null ? result : result with { CourseHours = entry.Hours });
        }
        return true;
    }

    private sealed class Row
    {
        public Playback Playback { get; init; } = null!;
        public LessonProgress? Progress { get; init; }
        public LessonKind Kind { get; init; }
        public bool Published { get; init; }
        public bool Newest { get; init; }
    }
}
