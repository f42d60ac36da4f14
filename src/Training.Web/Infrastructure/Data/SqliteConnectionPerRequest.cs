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
public sealed class SqliteConnectionPerRequest(RequestDelegate next)
{
    public async Task Invoke(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is null)
        {
            await next(context);
            return;
        }
        var db = context.RequestServices.GetRequiredService<TrainingDbContext>();
        await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
