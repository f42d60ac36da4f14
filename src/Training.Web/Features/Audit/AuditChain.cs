using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Audit;

/// <summary>
/// The audit trail as a hash chain (issue 16 §5, 等保 8.1.4.3 d): <see cref="SealAsync"/> (a job, every minute) gives
/// each new entry, in the order the job meets them, the next place in the chain and a keyed hash over its fields, its
/// place and the seal before it (<see cref="AuditEntry.Seal"/>); the key lives outside the database
/// (<see cref="AuditSealKey"/>). <see cref="VerifyAsync"/> walks the chain: an edited entry fails its seal, a removed
/// one leaves a gap, a removed head needs a purge record that says where the chain now starts, and a removed tail is
/// seen against the last head the seal job wrote outside the database. Sealing by a job rather than on insert: entries
/// are written by many requests at once, and only one writer can order a chain.
/// </summary>
public sealed partial class AuditChain(TrainingDbContext db, AuditSealKey key, TimeProvider clock)
{
    private const int Batch = 2_000;

    public sealed record Head(long Index, string Seal);

    public sealed record Report(DateTime At, long Checked, long Unsealed, Head? Head, string? Problem)
    {
        public bool Intact => Problem is null;
    }

    /// <summary>Seals every entry not sealed yet; returns how many.</summary>
    public async Task<int> SealAsync(CancellationToken ct)
    {
        var head = await db.Audit.AsNoTracking().Where(a => a.ChainIndex != null).OrderByDescending(a => a.ChainIndex)
            .Select(a => new Head(a.ChainIndex!.Value, a.Seal!)).FirstOrDefaultAsync(ct);
        var (index, previous) = head is null ? (0L, "") : (head.Index, head.Seal);
        var sealedNow = 0;
        while (true)
        {
            var batch = await db.Audit.Where(a => a.ChainIndex == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var entry in batch)
            {
                index++;
                var seal = SealOf(entry, index, previous);
                entry.Sealed(index, previous, seal);
                previous = seal;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            sealedNow += batch.Count;
        }
        if (sealedNow > 0) await File.WriteAllTextAsync(HeadFile, $"{index} {previous}", ct);
        return sealedNow;
    }

    /// <summary>Checks the whole chain; the first problem found, in Chinese, or none.</summary>
    public async Task<Report> VerifyAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var unsealed = await db.Audit.LongCountAsync(a => a.ChainIndex == null, ct);
        long expected = 0, checkedCount = 0;
        string? previous = null, firstPrevious = null, problem = null;
        var purgedUpTo = new HashSet<long>();
        long first = 0;
        await foreach (var entry in db.Audit.AsNoTracking().Where(a => a.ChainIndex != null).OrderBy(a => a.ChainIndex).AsAsyncEnumerable().WithCancellation(ct))
        {
            var index = entry.ChainIndex!.Value;
            if (checkedCount == 0) { first = index; expected = index; previous = firstPrevious = entry.PreviousSeal; }
            if (index != expected) { problem = AuditTexts.ChainGap(expected, index); break; }
            if (!string.Equals(entry.PreviousSeal, previous, StringComparison.Ordinal)) { problem = AuditTexts.ChainBroken(index); break; }
            if (!string.Equals(SealOf(entry, index, entry.PreviousSeal!), entry.Seal, StringComparison.Ordinal)) { problem = AuditTexts.ChainEdited(index, entry.Id); break; }
            if (entry.Action == AuditTexts.PurgedAudit && ChainStartsAt().Match(entry.Detail) is { Success: true } m)
                purgedUpTo.Add(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1);
            previous = entry.Seal;
            expected++;
            checkedCount++;
        }
        Head? head = checkedCount == 0 ? null : new Head(expected - 1, previous!);
        problem ??= first > 1 && !purgedUpTo.Contains(first - 1) ? AuditTexts.ChainHeadMissing(first) : null;
        // The first link of a chain never purged links to nothing: anything else was forged onto a removed head.
        problem ??= first == 1 && checkedCount > 0 && firstPrevious != "" ? AuditTexts.ChainBroken(1) : null;
        problem ??= await TailProblemAsync(head, ct);
        return new Report(now, checkedCount, unsealed, head, problem);
    }

    /// <summary>The chain must still reach the last head the seal job wrote down outside the database, with the same seal there.</summary>
    private async Task<string?> TailProblemAsync(Head? head, CancellationToken ct)
    {
        if (!File.Exists(HeadFile)) return null;
        var parts = (await File.ReadAllTextAsync(HeadFile, ct)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var recorded)) return null;
        if (head is null || head.Index < recorded) return AuditTexts.ChainTailMissing(recorded, head?.Index ?? 0);
        var seal = await db.Audit.AsNoTracking().Where(a => a.ChainIndex == recorded).Select(a => a.Seal).FirstOrDefaultAsync(ct);
        return string.Equals(seal, parts[1], StringComparison.Ordinal) ? null : AuditTexts.ChainBroken(recorded);
    }

    private string SealOf(AuditEntry e, long index, string previous)
    {
        var text = string.Join('\u001f', index.ToString(CultureInfo.InvariantCulture), previous, e.Id.ToString(CultureInfo.InvariantCulture),
            e.At.Ticks.ToString(CultureInfo.InvariantCulture), e.UserName, e.Action, e.Detail, ((int)e.Outcome).ToString(CultureInfo.InvariantCulture), e.Source ?? "");
        return Convert.ToHexString(HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(text)));
    }

    public const string HeadFileName = "audit-head.txt";

    private string HeadFile => Path.Combine(key.Folder, HeadFileName);

    [GeneratedRegex(AuditTexts.ChainStartsAtPattern)]
    private static partial Regex ChainStartsAt();
}
