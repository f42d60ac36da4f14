using System.Reflection;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Training.Core.Data;
using Training.Core.Domain;

namespace Training.Web.Features.Statistics;

/// <summary>
/// Computes the figures of PRODUCT.md §8 in SQL (set-based, never loading persons into
/// memory), correct on SQLite and SQL Server. Every figure is defined once, as a predicate
/// (<see cref="FigureRules"/>), and used both for its number and for the list of persons behind it.
/// </summary>
/// <remarks>
/// A unit means the unit and every village under it (village path starts with the unit's
/// path). Distinct persons are distinct per unit being counted: a person with posts in two
/// villages of one township counts once for the township and once for each village. So the
/// figures are grouped in SQL by village, one query per source table (enrollments with the
/// money, posts, reserves), COUNT(DISTINCT person) within each village; the few persons counted
/// in several villages are listed by two more queries, and <see cref="Rollup"/> adds the
/// villages up the tree, counting those persons once per unit. Every entry point (one unit,
/// its children, every unit) is that same computation over a subtree.
/// </remarks>
public sealed class StatisticsService(TrainingDbContext db)
{
    private readonly TrainingDbContext _db = db;

    /// <summary>Figures for the unit with this path ("/440100/440111/") and everything below it, as of <paramref name="asOf"/>.</summary>
    public async Task<Figures> ComputeAsync(string unitPath, DateOnly asOf, CancellationToken ct = default)
    {
        var path = NormalizePath(unitPath);
        var unitId = await _db.OrgUnits.AsNoTracking().Where(u => u.Path == path).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        return unitId is { } id ? (await ComputeUnderAsync(path, asOf, ct))[id] : Figures.Zero;
    }

    /// <summary>One row per direct child of the unit (district → townships → villages), ordered by code.</summary>
    public async Task<IReadOnlyList<UnitFigures>> ComputeForChildrenAsync(int unitId, DateOnly asOf, CancellationToken ct = default)
    {
        var unit = await _db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Path, u.Level }).SingleOrDefaultAsync(ct);
        if (unit is null || unit.Level == OrgLevel.Village) return [];
        var children = await _db.OrgUnits.AsNoTracking().Where(u => u.ParentId == unitId)
            .OrderBy(u => u.Code).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var byUnit = await ComputeUnderAsync(unit.Path, asOf, ct);
        return children.Select(c => new UnitFigures(c.Id, c.Code, c.Name, byUnit.GetValueOrDefault(c.Id, Figures.Zero))).ToList();
    }

    /// <summary>Every org unit's figures (for the snapshot job): keyed by unit id.</summary>
    public async Task<IReadOnlyDictionary<int, Figures>> ComputeForAllUnitsAsync(DateOnly asOf, CancellationToken ct = default) =>
        await ComputeUnderAsync(null, asOf, ct);

    /// <summary>年度招生: per cohort year in the unit's scope, as of the date (enrollments, not persons).</summary>
    /// <remarks>Every cohort year up to the date's year is listed, with zeros where nobody was admitted.</remarks>
    public async Task<IReadOnlyList<CohortYearFigures>> ComputeByCohortYearAsync(string unitPath, DateOnly asOf, CancellationToken ct = default)
    {
        var path = NormalizePath(unitPath);
        var counted = await CohortYearQuery(path, asOf).ToListAsync(ct);
        var years = await _db.Cohorts.AsNoTracking().Where(c => c.Year <= asOf.Year).Select(c => c.Year).ToListAsync(ct);
        return years.Union(counted.Select(c => c.Year)).Order()
            .Select(y => counted.FirstOrDefault(c => c.Year == y) is { } c
                ? new CohortYearFigures(y, c.Admitted, c.Graduated, c.InStudy)
                : new CohortYearFigures(y, 0, 0, 0))
            .ToList();
    }

    /// <summary>The grouped query behind <see cref="ComputeByCohortYearAsync"/>, not yet run (tests read its SQL).</summary>
    internal IQueryable<CohortGroup> CohortYearQuery(string path, DateOnly asOf)
    {
        var reached = FigureRules.ReachedAdmissionBy(asOf);
        var graduated = FigureRules.GraduatedBy(asOf);
        var inStudy = FigureRules.InStudyOn(asOf);
        return _db.Enrollments.AsNoTracking()
            .Where(reached)
            .Where(e => OrgPaths.IsUnder(e.Village.Path, path))
            .Select(Inline.Expand<Func<Enrollment, CohortRow>>(e => new CohortRow
            {
                Year = e.Year,
                Graduated = e.Is(graduated) ? 1 : 0,
                InStudy = e.Is(inStudy) ? 1 : 0,
            }))
            .GroupBy(r => r.Year)
            .Select(g => new CohortGroup { Year = g.Key, Admitted = g.Count(), Graduated = g.Sum(r => r.Graduated), InStudy = g.Sum(r => r.InStudy) });
    }

    internal sealed class CohortGroup
    {
        public int Year { get; init; }
        public int Admitted { get; init; }
        public int Graduated { get; init; }
        public int InStudy { get; init; }
    }

    /// <summary>The ids of the persons a figure counts (reserves' persons for the reserve figures), for drill-down lists.</summary>
    public IQueryable<int> PersonsBehind(Figure figure, string unitPath, DateOnly asOf)
    {
        var path = NormalizePath(unitPath);
        var enrollments = _db.Enrollments.Where(e => OrgPaths.IsUnder(e.Village.Path, path));
        var posts = _db.Posts.Where(p => OrgPaths.IsUnder(p.Village.Path, path)).Where(Post.HeldOn(asOf));
        var reserves = _db.Reserves.Where(r => OrgPaths.IsUnder(r.Village.Path, path)).Where(ReserveCandidate.InPoolOnDate(asOf));
        var associate = FigureRules.AssociateOrAboveOn(asOf);
        var ids = figure switch
        {
            Figure.Participants => enrollments.Where(FigureRules.ReachedAdmissionBy(asOf)).Select(e => e.PersonId),
            Figure.Graduates => enrollments.Where(FigureRules.GraduatedBy(asOf)).Select(e => e.PersonId),
            Figure.InStudy => enrollments.Where(FigureRules.InStudyOn(asOf)).Select(e => e.PersonId),
            Figure.Secretaries => posts.Where(FigureRules.SecretaryPost).Select(p => p.PersonId),
            Figure.SecretariesAssociateOrAbove => posts.Where(FigureRules.SecretaryPost).Select(p => p.Person).Where(associate).Select(p => p.Id),
            Figure.TwoCommitteeCadres => posts.Select(p => p.PersonId),
            Figure.TwoCommitteeAssociateOrAbove => posts.Select(p => p.Person).Where(associate).Select(p => p.Id),
            Figure.ReservesInPool => reserves.Select(r => r.PersonId),
            Figure.SecretaryReserves => reserves.Where(FigureRules.SecretaryReserve).Select(r => r.PersonId),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, null),
        };
        return ids.Distinct();
    }

    /// <summary>Every unit under <paramref name="path"/> (every unit when null), keyed by id: five queries and a sum.</summary>
    private async Task<Dictionary<int, Figures>> ComputeUnderAsync(string? path, DateOnly asOf, CancellationToken ct)
    {
        var units = await Under(_db.OrgUnits.AsNoTracking(), u => u.Path, path)
            .Select(u => new { u.Id, u.ParentId, u.Level, u.KeyPosts }).ToListAsync(ct);
        var q = QueriesFor(path, asOf);
        var enrollments = await q.Enrollments.ToDictionaryAsync(x => x.VillageId, ct);
        var posts = await q.Posts.ToDictionaryAsync(x => x.VillageId, ct);
        var reserves = await q.Reserves.ToDictionaryAsync(x => x.VillageId, ct);

        var rollup = new Rollup(units.Select(u => (u.Id, u.ParentId)));
        var keyPosts = units.Where(u => u.Level == OrgLevel.Village).ToDictionary(u => u.Id, u => u.KeyPosts);
        foreach (var id in keyPosts.Keys.Union(enrollments.Keys).Union(posts.Keys).Union(reserves.Keys))
        {
            var e = enrollments.GetValueOrDefault(id);
            var p = posts.GetValueOrDefault(id);
            var r = reserves.GetValueOrDefault(id);
            rollup.AddVillage(id, new Figures(
                e?.Participants ?? 0, e?.Graduates ?? 0, e?.InStudy ?? 0,
                p?.Secretaries ?? 0, p?.SecretariesAssociate ?? 0, p?.Cadres ?? 0, p?.CadresAssociate ?? 0,
                r?.InPool ?? 0, r?.Secretary ?? 0,
                keyPosts.GetValueOrDefault(id),
                e?.SelfPaidFen ?? 0, e?.SubsidyFen ?? 0, e?.WaiverFen ?? 0));
        }

        await foreach (var e in q.SharedEnrollments.AsAsyncEnumerable().WithCancellation(ct))
        {
            rollup.CountedIn(e.PersonId, e.VillageId, Figure.Participants);
            if (e.Graduated) rollup.CountedIn(e.PersonId, e.VillageId, Figure.Graduates);
            if (e.InStudy) rollup.CountedIn(e.PersonId, e.VillageId, Figure.InStudy);
        }
        await foreach (var p in q.SharedPosts.AsAsyncEnumerable().WithCancellation(ct))
        {
            rollup.CountedIn(p.PersonId, p.VillageId, Figure.TwoCommitteeCadres);
            if (p.AssociateOrAbove) rollup.CountedIn(p.PersonId, p.VillageId, Figure.TwoCommitteeAssociateOrAbove);
            if (p.Secretary) rollup.CountedIn(p.PersonId, p.VillageId, Figure.Secretaries);
            if (p.Secretary && p.AssociateOrAbove) rollup.CountedIn(p.PersonId, p.VillageId, Figure.SecretariesAssociateOrAbove);
        }
        return rollup.Sum();
    }

    /// <summary>The queries behind <see cref="ComputeUnderAsync"/>, not yet run (tests read their SQL).</summary>
    internal VillageQueries QueriesFor(string? path, DateOnly asOf)
    {
        var graduated = FigureRules.GraduatedBy(asOf);
        var inStudy = FigureRules.InStudyOn(asOf);
        var associate = FigureRules.AssociateOrAboveOn(asOf);
        var secretaryPost = FigureRules.SecretaryPost;

        var reached = Under(_db.Enrollments.AsNoTracking(), e => e.Village.Path, path).Where(FigureRules.ReachedAdmissionBy(asOf));
        var enrollmentRows = reached.Select(Inline.Expand<Func<Enrollment, EnrollmentRow>>(e => new EnrollmentRow
        {
            VillageId = e.VillageId,
            PersonId = e.PersonId,
            Graduated = e.Is(graduated),
            InStudy = e.Is(inStudy),
            SelfPaidFen = e.Split.SelfPaidFen,
            SubsidyFen = e.Split.SubsidyFen,
            WaiverFen = e.Split.WaiverFen,
        }));
        var enrollments = enrollmentRows
            .GroupBy(r => r.VillageId)
            .Select(g => new EnrollmentGroup
            {
                VillageId = g.Key,
                Participants = g.Select(r => r.PersonId).Distinct().Count(),
                Graduates = g.Where(r => r.Graduated).Select(r => r.PersonId).Distinct().Count(),
                InStudy = g.Where(r => r.InStudy).Select(r => r.PersonId).Distinct().Count(),
                SelfPaidFen = g.Sum(r => r.SelfPaidFen),
                SubsidyFen = g.Sum(r => r.SubsidyFen),
                WaiverFen = g.Sum(r => r.WaiverFen),
            });
        var admittedInSeveral = InSeveralVillages(reached.Select(e => new PersonVillage { PersonId = e.PersonId, VillageId = e.VillageId }));
        var sharedEnrollments = enrollmentRows.Where(r => admittedInSeveral.Contains(r.PersonId));

        var held = Under(_db.Posts.AsNoTracking(), p => p.Village.Path, path).Where(Post.HeldOn(asOf));
        var postRows = held.Select(Inline.Expand<Func<Post, PostRow>>(p => new PostRow
        {
            VillageId = p.VillageId,
            PersonId = p.PersonId,
            Secretary = p.Is(secretaryPost),
            AssociateOrAbove = p.Person.Is(associate),
        }));
        var posts = postRows
            // One row per (village, person, post kind): the counts are of distinct persons anyway, and
            // the DISTINCT makes a derived table, so that the education test (an EXISTS) is
            // evaluated once per row there instead of inside the aggregates, where SQL Server
            // allows no subquery and EF would fall back to a correlated subquery per group.
            .Distinct()
            .GroupBy(r => r.VillageId)
            .Select(g => new PostGroup
            {
                VillageId = g.Key,
                Cadres = g.Select(r => r.PersonId).Distinct().Count(),
                CadresAssociate = g.Where(r => r.AssociateOrAbove).Select(r => r.PersonId).Distinct().Count(),
                Secretaries = g.Where(r => r.Secretary).Select(r => r.PersonId).Distinct().Count(),
                SecretariesAssociate = g.Where(r => r.Secretary && r.AssociateOrAbove).Select(r => r.PersonId).Distinct().Count(),
            });
        var holdingInSeveral = InSeveralVillages(held.Select(p => new PersonVillage { PersonId = p.PersonId, VillageId = p.VillageId }));
        var sharedPosts = postRows.Where(r => holdingInSeveral.Contains(r.PersonId));

        var secretaryReserve = FigureRules.SecretaryReserve;
        var reserves = Under(_db.Reserves.AsNoTracking(), r => r.Village.Path, path)
            .Where(ReserveCandidate.InPoolOnDate(asOf))
            .Select(Inline.Expand<Func<ReserveCandidate, ReserveRow>>(r => new ReserveRow
            {
                VillageId = r.VillageId,
                Secretary = r.Is(secretaryReserve) ? 1 : 0,
            }))
            .GroupBy(r => r.VillageId)
            .Select(g => new ReserveGroup { VillageId = g.Key, InPool = g.Count(), Secretary = g.Sum(r => r.Secretary) });

        return new VillageQueries(enrollments, posts, reserves, sharedEnrollments, sharedPosts);
    }

    /// <summary>The persons with rows in more than one village (smallest village id differs from the largest).</summary>
    private static IQueryable<int> InSeveralVillages(IQueryable<PersonVillage> rows) =>
        rows.GroupBy(r => r.PersonId).Where(g => g.Min(r => r.VillageId) != g.Max(r => r.VillageId)).Select(g => g.Key);

    internal sealed record VillageQueries(
        IQueryable<EnrollmentGroup> Enrollments, IQueryable<PostGroup> Posts, IQueryable<ReserveGroup> Reserves,
        IQueryable<EnrollmentRow> SharedEnrollments, IQueryable<PostRow> SharedPosts);

    internal sealed class EnrollmentGroup
    {
        public int VillageId { get; init; }
        public int Participants { get; init; }
        public int Graduates { get; init; }
        public int InStudy { get; init; }
        public long SelfPaidFen { get; init; }
        public long SubsidyFen { get; init; }
        public long WaiverFen { get; init; }
    }

    internal sealed class PostGroup
    {
        public int VillageId { get; init; }
        public int Cadres { get; init; }
        public int CadresAssociate { get; init; }
        public int Secretaries { get; init; }
        public int SecretariesAssociate { get; init; }
    }

    internal sealed class ReserveGroup
    {
        public int VillageId { get; init; }
        public int InPool { get; init; }
        public int Secretary { get; init; }
    }

    private static IQueryable<T> Under<T>(IQueryable<T> source, Expression<Func<T, string>> villagePath, string? path)
    {
        if (path is null) return source;
        var startsWith = Expression.Call(villagePath.Body, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
            Expression.Property(Expression.Constant(new PathHolder(path)), nameof(PathHolder.Path)));
        return source.Where(Expression.Lambda<Func<T, bool>>(startsWith, villagePath.Parameters));
    }

    /// <summary>A member access, so that EF sends the path as a parameter (one cached plan for every unit).</summary>
    private sealed record PathHolder(string Path);

    /// <summary>"/440100/440111" and "/440100/440111/" name the same unit; the trailing slash keeps 4401110 from matching 440111.</summary>
    private static string NormalizePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path.EndsWith('/') ? path : path + "/";
    }

    internal sealed class EnrollmentRow
    {
        public int VillageId { get; init; }
        public int PersonId { get; init; }
        public bool Graduated { get; init; }
        public bool InStudy { get; init; }
        public long SelfPaidFen { get; init; }
        public long SubsidyFen { get; init; }
        public long WaiverFen { get; init; }
    }

    internal sealed class PostRow
    {
        public int VillageId { get; init; }
        public int PersonId { get; init; }
        public bool Secretary { get; init; }
        public bool AssociateOrAbove { get; init; }
    }

    private sealed class PersonVillage
    {
        public int PersonId { get; init; }
        public int VillageId { get; init; }
    }

    private sealed class ReserveRow
    {
        public int VillageId { get; init; }
        public int Secretary { get; init; }
    }

    private sealed class CohortRow
    {
        public int Year { get; init; }
        public int Graduated { get; init; }
        public int InStudy { get; init; }
    }
}

/// <summary>
/// The definitions of PRODUCT.md §8 as query predicates, each written once. The statistics
/// service counts with them and lists the persons behind a number with them.
/// </summary>
public static class FigureRules
{
    /// <summary>Reached admission by D (Admitted, Graduated or Withdrawn): admitted on or before D.</summary>
    public static Expression<Func<Enrollment, bool>> ReachedAdmissionBy(DateOnly d) =>
        e => e.AdmittedOn <= d;

    /// <summary>Graduated by D: a graduation dated on or before D.</summary>
    public static Expression<Func<Enrollment, bool>> GraduatedBy(DateOnly d) =>
        e => e.AdmittedOn <= d && e.GraduatedOn <= d;

    /// <summary>In Admitted state on D: admitted by D, neither graduated nor withdrawn by D.</summary>
    public static Expression<Func<Enrollment, bool>> InStudyOn(DateOnly d) =>
        e => e.AdmittedOn <= d && (e.GraduatedOn == null || e.GraduatedOn > d) && (e.WithdrawnOn == null || e.WithdrawnOn > d);

    /// <summary>
    /// Highest education on D is 大专 or above: the recorded base, or any graduation dated on or
    /// before D (the maximum of them reaches 大专 exactly when one of them does).
    /// </summary>
    public static Expression<Func<Person, bool>> AssociateOrAboveOn(DateOnly d) =>
        p => p.BaseEducation >= Education.Associate
            || p.EducationHistory.Any(r => r.Source == EducationSource.Graduation && r.EffectiveOn <= d && r.Level >= Education.Associate);

    /// <summary>The 党组织书记 post (held on D is <see cref="Post.HeldOn"/>).</summary>
    public static readonly Expression<Func<Post, bool>> SecretaryPost = p => p.Type == PostType.PartySecretary;

    /// <summary>A reserve for 书记 (in the pool on D is <see cref="ReserveCandidate.InPoolOnDate"/>).</summary>
    public static readonly Expression<Func<ReserveCandidate, bool>> SecretaryReserve = r => r.Target == ReserveTarget.Secretary;
}

/// <summary>
/// Lets a query projection use a predicate (or selector) expression defined elsewhere:
/// <c>x.Is(predicate)</c> inside a lambda passed to <see cref="Expand{T}"/> is replaced by the
/// predicate's body, so EF sees one plain expression tree.
/// </summary>
internal static class Inline
{
    public static bool Is<T>(this T value, Expression<Func<T, bool>> predicate) =>
        throw new InvalidOperationException("Inline.Is is only for expressions passed through Inline.Expand.");

    public static TResult Apply<T, TResult>(this T value, Expression<Func<T, TResult>> selector) =>
        throw new InvalidOperationException("Inline.Apply is only for expressions passed through Inline.Expand.");

    public static Expression<T> Expand<T>(Expression<T> expression) => (Expression<T>)new Expander().Visit(expression);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Inline) || node.Method.Name is not (nameof(Is) or nameof(Apply)))
                return base.VisitMethodCall(node);
            var lambda = (LambdaExpression)Evaluate(node.Arguments[1]);
            var argument = Visit(node.Arguments[0]);
            return Visit(new Replace(lambda.Parameters[0], argument).Visit(lambda.Body));
        }

        // Expanded on every query a request builds: the usual arguments (a static rule, a captured variable) are read
        // by reflection; anything else is interpreted, never compiled (a compiled delegate each request cost CPU and GC).
        private static object Evaluate(Expression e) => e switch
        {
            UnaryExpression { NodeType: ExpressionType.Quote } q => q.Operand,
            ConstantExpression c => c.Value!,
            MemberExpression { Member: FieldInfo f } m => f.GetValue(m.Expression is null ? null : Evaluate(m.Expression))!,
            MemberExpression { Member: PropertyInfo p } m => p.GetValue(m.Expression is null ? null : Evaluate(m.Expression))!,
            _ => Expression.Lambda<Func<object>>(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true)(),
        };
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
