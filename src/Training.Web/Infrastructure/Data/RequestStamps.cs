using Training.Core.Data;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// The <see cref="Training.Core.Domain.DataStamp"/>s as this request sees them: read once (one query of a few dozen
/// rows), again after the request saved something (a POST that shows its page again). Everything kept in memory
/// between requests is checked against them: the figures (<see cref="FiguresMemo"/>), the accounts' security stamps
/// (<see cref="SessionCookieEvents"/>), so a page pays for one read however many of them it uses.
/// </summary>
public sealed class RequestStamps(TrainingDbContext db)
{
    private Dictionary<string, long>? _stamps;
    private long _readAfterSaves;

    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(CancellationToken ct)
    {
        if (_stamps is null || _readAfterSaves != db.SavesAttempted)
        {
            _readAfterSaves = db.SavesAttempted;
            _stamps = await DataStamps.ReadAsync(db, ct);
        }
        return _stamps;
    }
}
