using System.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Training.Core.Data;
using Training.Tests.Infrastructure;
using Training.Web.Infrastructure.Data;

namespace Training.Tests.Infrastructure.Data;

/// <summary>
/// How the portal uses its SQLite connections: SQLite's own busy handler waits for the writer (not the provider's
/// 150 ms sleeps), a page's queries share one connection opened for the request,
/// and only so many pages hold one at once.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SqliteConnectionTests(AppFixture app)
{
    [Fact]
    public async Task Should_let_sqlite_wait_for_the_writer_itself_on_every_connection_the_context_opens()
    {
        for (var i = 0; i < 2; i++) // the second open takes the pooled connection again
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(60_000L, (long)(await command.ExecuteScalarAsync())!);
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Should_keep_one_connection_open_through_a_page_request_and_close_it_after()
    {
        var (during, after) = await RunAsync(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new PageActionDescriptor()), "page"));

        Assert.Equal(ConnectionState.Open, during);
        Assert.Equal(ConnectionState.Closed, after);
    }

    [Fact]
    public async Task Should_leave_the_connection_closed_for_an_endpoint_that_is_not_a_page()
    {
        var (during, _) = await RunAsync(new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "health"));

        Assert.Equal(ConnectionState.Closed, during);
    }

    [Fact]
    public async Task Should_leave_a_page_that_waits_elsewhere_without_a_connection_or_a_place_among_the_pages()
    {
        var (middleware, release, entered) = OnePageAtATime();

        var waitingElsewhere = middleware.Invoke(PageContext(app.Services.CreateAsyncScope(), new NoRequestConnectionAttribute()));
        var page = middleware.Invoke(PageContext(app.Services.CreateAsyncScope())); // the only place is still free
        await Task.Delay(200);
        var (during, _) = await RunAsync(new Endpoint(_ => Task.CompletedTask,
            new EndpointMetadataCollection(new PageActionDescriptor(), new NoRequestConnectionAttribute()), "heartbeat"));

        Assert.Equal(2, entered());
        Assert.Equal(ConnectionState.Closed, during);
        release.SetResult();
        await Task.WhenAll(waitingElsewhere, page);
    }

    [Fact]
    public void Should_mark_the_heartbeat_as_a_page_that_waits_elsewhere() =>
        Assert.NotNull(typeof(Training.Web.Features.Learning.HeartbeatModel).GetCustomAttributes(typeof(NoRequestConnectionAttribute), false).SingleOrDefault());

    [Fact]
    public async Task Should_let_a_page_wait_while_the_limit_of_pages_holding_a_connection_is_reached()
    {
        var (middleware, release, entered) = OnePageAtATime();

        var first = middleware.Invoke(PageContext(app.Services.CreateAsyncScope()));
        var second = middleware.Invoke(PageContext(app.Services.CreateAsyncScope()));
        await Task.Delay(200);
        Assert.Equal(1, entered());

        release.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(2, entered());
    }

    [Fact]
    public async Task Should_let_a_closed_browser_leave_the_queue_of_pages()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sqlite:ConcurrentPages"] = "1" }).Build();
        var release = new TaskCompletionSource();
        var middleware = new SqliteConnectionPerRequest(_ => release.Task, configuration);
        var first = middleware.Invoke(PageContext(app.Services.CreateAsyncScope()));
        using var closed = new CancellationTokenSource();
        var waiting = PageContext(app.Services.CreateAsyncScope());
        waiting.RequestAborted = closed.Token;

        var second = middleware.Invoke(waiting);
        closed.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        release.SetResult();
        await first;
    }

    /// <summary>The middleware with room for one page; each page counts itself in, then waits for the release.</summary>
    private static (SqliteConnectionPerRequest Middleware, TaskCompletionSource Release, Func<int> Entered) OnePageAtATime()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sqlite:ConcurrentPages"] = "1" }).Build();
        var release = new TaskCompletionSource();
        var entered = 0;
        var middleware = new SqliteConnectionPerRequest(async _ =>
        {
            Interlocked.Increment(ref entered);
            await release.Task;
        }, configuration);
        return (middleware, release, () => Volatile.Read(ref entered));
    }

    private static DefaultHttpContext PageContext(AsyncServiceScope scope, params object[] more)
    {
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection([new PageActionDescriptor(), .. more]), "page"));
        return context;
    }

    private async Task<(ConnectionState During, ConnectionState After)> RunAsync(Endpoint endpoint)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrainingDbContext>();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.SetEndpoint(endpoint);
        var during = ConnectionState.Broken;
        await new SqliteConnectionPerRequest(_ =>
        {
            during = db.Database.GetDbConnection().State;
            return Task.CompletedTask;
        }, new ConfigurationBuilder().Build()).Invoke(context);
        return (during, db.Database.GetDbConnection().State);
    }
}
