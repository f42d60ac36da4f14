using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// On SQLite, a page's queries share one connection, opened before sign-in is checked and closed when the page is
/// written. EF otherwise opens and closes the connection around every query, and each open takes the provider's
/// pool lock (contended under load: a tenth of a trainee home's CPU went to the lock and to opening) and registers
/// EF's SQL functions again. Not on SQL Server: there a connection held for the whole request would be a pooled
/// connection taken from others while the page renders, and opening one is cheap.
/// </summary>
/// <remarks>
/// At most <see cref="Limit"/> pages hold a connection at once; the others wait their turn here. SQLite keeps a
/// page cache per connection (2 MB each): with 100 pages in flight the pool grew to 75 connections and the caches
/// to a third of the process's memory, while two cores run only a few requests at a time anyway. The wait is
/// bounded by the request (a closed browser leaves the queue). Pages marked <see cref="NoRequestConnectionAttribute"/>
/// wait elsewhere and are left alone.
/// </remarks>
public sealed class SqliteConnectionPerRequest
{
    private readonly RequestDelegate _next;
    private readonly SemaphoreSlim _gate;

    public SqliteConnectionPerRequest(RequestDelegate next, IConfiguration configuration)
    {
        _next = next;
        Limit = configuration.GetValue<int?>("Sqlite:ConcurrentPages") ?? Environment.ProcessorCount * 4;
        _gate = new SemaphoreSlim(Limit, Limit);
    }

    /// <summary>Pages served at once (<c>Sqlite:ConcurrentPages</c>; four per processor by default).</summary>
    public int Limit { get; }

    public async Task Invoke(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<PageActionDescriptor>() is null || metadata.GetMetadata<NoRequestConnectionAttribute>() is not null)
        {
            await _next(context);
            return;
        }
        await _gate.WaitAsync(context.RequestAborted);
        try
        {
            var db = context.RequestServices.GetRequiredService<TrainingDbContext>();
            await db.Database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await _next(context);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
