using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Training.Core.Domain;

namespace Training.Core.Data;

/// <summary>
/// Rewrites <see cref="OrgPaths.IsUnder"/> into a range before EF translates a query:
/// <c>string.Compare(path, unit) &gt;= 0 &amp;&amp; string.Compare(path, unit + "z") &lt; 0</c>.
/// A path is codes (digits) and slashes ending in "/", so everything below a unit starts with its path
/// followed by a digit, and every digit sorts below "z" in SQLite's binary order and in SQL Server's
/// collations alike; a sibling differs at a digit inside the unit's path and falls outside.
/// Added to every context by <c>DatabaseSetup.Configure</c>; runs once per query shape (EF caches the result).
/// </summary>
public sealed class OrgPathRange : IQueryExpressionInterceptor
{
    /// <summary>The one instance: EF builds its internal services once per distinct set of interceptors.</summary>
    public static readonly OrgPathRange Instance = new();

    private OrgPathRange() { }

    private static readonly MethodInfo IsUnder = typeof(OrgPaths).GetMethod(nameof(OrgPaths.IsUnder))!;
    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
    private static readonly MethodInfo Concat = typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!;

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) =>
        new Rewriter().Visit(queryExpression);

    private sealed class Rewriter : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != IsUnder) return base.VisitMethodCall(node);
            var path = Visit(node.Arguments[0]);
            var unit = Visit(node.Arguments[1]);
            var zero = Expression.Constant(0);
            var from = Expression.GreaterThanOrEqual(Expression.Call(Compare, path, unit), zero);
            var to = Expression.LessThan(Expression.Call(Compare, path, Expression.Call(Concat, unit, Expression.Constant("z"))), zero);
            return Expression.AndAlso(from, to);
        }
    }
}
