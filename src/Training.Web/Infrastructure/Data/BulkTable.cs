using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Training.Web.Infrastructure.Data;

/// <summary>
/// One table as the EF model maps an entity type: its name, the key, and every column with how
/// to read its value from an entity (a foreign key from its navigation when the principal is
/// set, since a new principal's id is only known once it is written; an owner's key for a
/// column the entity has no navigation for) and the EF type mapping that stores it. Values
/// pass through the mapping's converter and its parameter type, so rows land exactly as
/// SaveChanges would write them.
/// </summary>
public sealed class BulkTable
{
    private BulkTable(IEntityType entity, IProperty? generatedKey, List<BulkColumn> columns, string? ownerProperty)
    {
        Name = entity.GetTableName()!;
        Schema = entity.GetSchema();
        Key = entity.FindPrimaryKey()!.Properties is [var single] ? single : null;
        GeneratedKey = generatedKey;
        Columns = columns;
        OwnerProperty = ownerProperty;
        Owned = entity.GetNavigations().Where(n => n.IsCollection).ToList();
        if (Key is not null)
        {
            var getter = Key.GetGetter();
            _getKey = getter.GetClrValue;
            _setKey = Setter(Key);
        }
    }

    private readonly Func<object, object?>? _getKey;
    private readonly Action<object, object?>? _setKey;

    public string Name { get; }
    public string? Schema { get; }
    /// <summary>The single-column key, if the table has one.</summary>
    public IProperty? Key { get; }
    /// <summary>The key the database generates on insert (not among <see cref="Columns"/>), or null when the rows carry their keys.</summary>
    public IProperty? GeneratedKey { get; }
    public IReadOnlyList<BulkColumn> Columns { get; }
    public string? OwnerProperty { get; }
    /// <summary>Collections the entity owns (a person's posts): written after it, pointing at it.</summary>
    public IReadOnlyList<INavigation> Owned { get; }

    /// <param name="ownerProperty">A foreign key column whose value the caller gives (the entity has no navigation for it).</param>
    /// <param name="keysGiven">The rows carry their keys (the caller hands them out), so the key is written like any column.</param>
    public static BulkTable Of(DbContext db, Type type, string? ownerProperty = null, bool keysGiven = false)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the EF model.");
        var keys = entity.FindPrimaryKey()!.Properties;
        var generated = !keysGiven && keys is [var k] && k.ValueGenerated == ValueGenerated.OnAdd ? k : null;
        var columns = new List<BulkColumn>();
        foreach (var p in entity.GetProperties())
        {
            if (p == generated) continue;
            var mapping = p.GetRelationalTypeMapping();
            if (p.Name == ownerProperty)
            {
                columns.Add(new BulkColumn(p.GetColumnName(), mapping, (_, owner) => owner) { IsOwner = true, Set = p.IsShadowProperty() ? null : Setter(p) });
                continue;
            }
            if (p.IsShadowProperty()) throw new InvalidOperationException($"{type.Name}.{p.Name} is a shadow property: give it as the owner's key.");
            var getter = p.GetGetter();
            var navigation = p.GetContainingForeignKeys().Select(fk => fk.DependentToPrincipal).FirstOrDefault(n => n is not null);
            if (navigation is null || p.IsPrimaryKey())
            {
                columns.Add(new BulkColumn(p.GetColumnName(), mapping, (e, _) => getter.GetClrValue(e)));
                continue;
            }
            var principal = navigation.GetGetter();
            var principalKey = navigation.ForeignKey.PrincipalKey.Properties.Single().GetGetter();
            columns.Add(new BulkColumn(p.GetColumnName(), mapping,
                (e, _) => principal.GetClrValue(e) is { } pr ? principalKey.GetClrValue(pr) : getter.GetClrValue(e))
            {
                Navigation = navigation,
                Set = Setter(p),
            });
        }
        foreach (var complex in entity.GetComplexProperties())
            foreach (var p in complex.ComplexType.GetProperties())
            {
                var getter = p.GetGetter();
                columns.Add(new BulkColumn(p.GetColumnName(), p.GetRelationalTypeMapping(), (e, _) => getter.GetClrValueUsingContainingEntity(e)));
            }
        return new BulkTable(entity, generated, columns, ownerProperty);
    }

    /// <summary>The value column <paramref name="i"/> stores for <paramref name="row"/>, converted for the provider.
    /// A foreign key taken from a navigation or the owner is also set on the entity, as SaveChanges fixes it up.</summary>
    public object Value(int i, object row, object? owner)
    {
        var column = Columns[i];
        var value = column.Get(row, owner);
        if (column.Set is { } set && (column.IsOwner || column.Navigation is not null)) set(row, value);
        if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
        return value ?? DBNull.Value;
    }

    public object? KeyOf(object row) => (_getKey ?? throw new InvalidOperationException($"{Name} has no single-column key."))(row);

    public void SetKey(object row, object id)
    {
        var key = Key ?? throw new InvalidOperationException($"{Name} has no single-column key.");
        _setKey!(row, Convert.ChangeType(id, key.ClrType, CultureInfo.InvariantCulture));
    }

    /// <summary>Sets a property the way EF materializes it (usually the backing field behind a private setter).</summary>
    private static Action<object, object?> Setter(IProperty property)
    {
        var member = property.GetMemberInfo(forMaterialization: true, forSet: true);
        var entity = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var target = Expression.MakeMemberAccess(Expression.Convert(entity, member.DeclaringType!), member);
        var memberType = member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
        var assign = Expression.Assign(target, Expression.Convert(value, memberType));
        return Expression.Lambda<Action<object, object?>>(assign, entity, value).Compile();
    }
}
