using Microsoft.Extensions.Caching.Memory;
using Training.Core.Data;
using Training.Web.Infrastructure.Scoping;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// Figures kept in memory between requests and served only while they are exact: each is kept with the
/// <see cref="Training.Core.Domain.DataStamp"/>s of the records it counts, read before it was computed; a request
/// reads the stamps (<see cref="RequestStamps"/>: one query of a few dozen rows, once per request) and computes again when any differs.
/// A save on any web node raises the stamps in its own transaction, so no node serves a figure older than the data.
/// Every key ends with the account's binding and role, added here: accounts share a figure only when their scope
/// is the same, so nobody is served what their scope does not show, whatever a caller's key names.
/// </summary>
public sealed class FiguresMemo(FiguresMemo.Store store, RequestStamps requestStamps, CurrentUser me)
{
    /// <summary>The figures of this web node (a singleton); at most <see cref="MaxFigures"/> kept, the least used dropped first.</summary>
    public sealed class Store : IDisposable
    {
        public MemoryCache Cache { get; } = new(new MemoryCacheOptions { SizeLimit = MaxFigures });
        public void Dispose() => Cache.Dispose();
    }

    /// <summary>What the store holds at most, in figures: a number or a row of numbers is one; a list weighs more (<see cref="GetListAsync"/>).</summary>
    public const int MaxFigures = 20_000;

    /// <summary>The ids of a kept list that weigh as much as one figure.</summary>
    public const int IdsPerFigure = 100;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private sealed record Entry(long[] Stamps, object? Value);

    /// <param name="key">Everything the figure depends on besides the records and the account's scope (e.g. "UnitFacts|{day}").</param>
    /// <param name="counts">The kinds of records it counts (<see cref="DataStamps.SubjectOf"/>).</param>
    public Task<T> GetAsync<T>(string key, Type[] counts, Func<CancellationToken, Task<T>> compute, CancellationToken ct) =>
        GetAsync(key, DataStamps.SubjectsOf(counts), compute, ct);

    /// <param name="key">As above.</param>
    /// <param name="subjects">The stamps' subjects it follows: kinds of records, or narrower facets of them (<see cref="DataFacets"/>).</param>
    public Task<T> GetAsync<T>(string key, string[] subjects, Func<CancellationToken, Task<T>> compute, CancellationToken ct) =>
        GetAsync(key, subjects, compute, _ => 1, ct);

    /// <summary>A list of ids kept the same way (the order of a long list), weighing one figure per <see cref="IdsPerFigure"/> ids.</summary>
    public Task<int[]> GetListAsync(string key, string[] subjects, Func<CancellationToken, Task<int[]>> compute, CancellationToken ct) =>
        GetAsync(key, subjects, compute, ids => 1 + ids.Length / IdsPerFigure, ct);

    private async Task<T> GetAsync<T>(string key, string[] subjects, Func<CancellationToken, Task<T>> compute, Func<T, int> weight, CancellationToken ct)
    {
        var current = await requestStamps.ReadAsync(ct);
        var stamps = subjects.Select(s => current.GetValueOrDefault(s)).ToArray();
        key = $"{key}|{me.OrgPath}|{me.PersonId}|{me.SchoolId}|{me.Role}";
        if (store.Cache.TryGetValue(key, out Entry? kept) && kept!.Stamps.SequenceEqual(stamps)) return (T)kept.Value!;
        var value = await compute(ct);
        store.Cache.Set(key, new Entry(stamps, value), new MemoryCacheEntryOptions { SlidingExpiration = Idle, Size = weight(value) });
        return value;
    }
}
