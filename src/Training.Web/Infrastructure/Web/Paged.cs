using Microsoft.EntityFrameworkCore;

namespace Training.Web.Infrastructure.Web;

/// <summary>
/// One page of a list: the rows, which page (clamped to 1…<see cref="PageCount"/>, so a stale or
/// absurd page number shows the last page instead of an error), and the total. Every paged list
/// uses it, with the <c>_Pager</c> partial for its links.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The previous / next links for this page; <paramref name="url"/> gives a page number's address.</summary>
    /// <param name="whole">The list's fragment draws <paramref name="target"/> itself (see <see cref="Web.Pager.Whole"/>).</param>
    public Pager Pager(Func<int, string> url, string target = "#rows", bool whole = false) => new(PageNumber, PageCount, url, target, whole);
}

public static class PagedQueries
{
    public const int DefaultPageSize = 20;

    /// <summary>A page of a list already in memory (a kept one), clamped as the others.</summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyList<T> ordered, int pageNumber, int pageSize = DefaultPageSize)
    {
        var page = Clamp(pageNumber, ordered.Count, pageSize);
        return new Paged<T>(ordered.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, ordered.Count);
    }

    /// <summary>The page shown for a page number asked: 1…the last page.</summary>
    private static int Clamp(int pageNumber, int total, int pageSize) => Math.Clamp(pageNumber, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

    /// <summary>Counts, clamps the page number, then reads that page of an ordered query.</summary>
    /// <param name="count">How to count the rows when not by counting the query (a count kept by <see cref="Data.FiguresMemo"/>).</param>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int pageNumber, CancellationToken ct, int pageSize = DefaultPageSize,
        Func<CancellationToken, Task<int>>? count = null)
    {
        var total = count is null ? await ordered.CountAsync(ct) : await count(ct);
        var page = Clamp(pageNumber, total, pageSize);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }

    /// <summary>
    /// Pages a long list whose order costs a sort of every row (by names of joined records): the ordered ids
    /// (<paramref name="orderedIds"/>, run only when not kept) are kept by the memo (<paramref name="key"/>, following
    /// <paramref name="subjects"/>) until a record they are ordered or filtered by changes; a page then reads only its
    /// own rows, by id (<paramref name="rowsOf"/>), in the kept order.
    /// </summary>
    public static async Task<Paged<T>> ToPagedInKeptOrderAsync<T>(this Data.FiguresMemo memo, string key, string[] subjects,
        Func<CancellationToken, Task<int[]>> orderedIds, Func<int[], CancellationToken, Task<List<T>>> rowsOf, Func<T, int> idOf,
        int pageNumber, CancellationToken ct, int pageSize = DefaultPageSize)
    {
        var ids = await memo.GetListAsync(key, subjects, orderedIds, ct);
        var page = Clamp(pageNumber, ids.Length, pageSize);
        var pageIds = ids.Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        var position = pageIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = await rowsOf(pageIds, ct);
        return new Paged<T>(rows.OrderBy(r => position[idOf(r)]).ToList(), page, pageSize, ids.Length);
    }

    /// <summary>The same for an ordered query of ids, following <paramref name="subjects"/>.</summary>
    public static Task<Paged<T>> ToPagedInKeptOrderAsync<T>(this IQueryable<int> orderedIds, Data.FiguresMemo memo, string key, string[] subjects,
        Func<int[], CancellationToken, Task<List<T>>> rowsOf, Func<T, int> idOf, int pageNumber, CancellationToken ct, int pageSize = DefaultPageSize) =>
        memo.ToPagedInKeptOrderAsync(key, subjects, orderedIds.ToArrayAsync, rowsOf, idOf, pageNumber, ct, pageSize);
}
