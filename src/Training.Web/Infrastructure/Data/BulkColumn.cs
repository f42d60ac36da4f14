using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Training.Web.Infrastructure.Data;

/// <summary>One column of a <see cref="BulkTable"/>: its name, how to read its value (entity, owner's key) and its EF type mapping.</summary>
public sealed class BulkColumn(string name, RelationalTypeMapping mapping, Func<object, object?, object?> get)
{
    public string Name { get; } = name;
    public RelationalTypeMapping Mapping { get; } = mapping;
    public Func<object, object?, object?> Get { get; } = get;
    /// <summary>The reference to the principal this foreign key points at, when the entity has one.</summary>
    public INavigation? Navigation { get; init; }
    /// <summary>The column's value is the owner's key the caller gives.</summary>
    public bool IsOwner { get; init; }
    /// <summary>Sets the foreign key property on the entity once its value is known.</summary>
    public Action<object, object?>? Set { get; init; }
}
