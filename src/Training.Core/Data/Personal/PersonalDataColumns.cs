using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Training.Core.Data.Personal;

/// <summary>
/// The columns kept encrypted (ID numbers, phones): a configuration marks them with <see cref="IsEncrypted"/>, and the
/// context gives every marked column one converter with its cipher (<see cref="Convert"/>). Searchable encryption keeps
/// <c>p.IdNumber == id</c>, <c>ids.Contains(p.IdNumber)</c> and the unique index working: EF encrypts the value a query
/// compares with the same way. Anything else done to the column in SQL (ordering, LIKE, substrings) would see only
/// the encrypted text — such queries read the value and work on it in memory.
/// </summary>
public static class PersonalDataColumns
{
    private const string Annotation = "Training:EncryptedPersonalData";

    /// <summary>Marks the column encrypted and sizes it for the encrypted text of a value up to <paramref name="clearLength"/> ASCII characters.</summary>
    public static PropertyBuilder<T> IsEncrypted<T>(this PropertyBuilder<T> property, int? clearLength = null)
    {
        if (typeof(T) != typeof(string)) throw new InvalidOperationException("Only text columns are encrypted.");
        property.HasAnnotation(Annotation, true).IsUnicode(false);
        if (clearLength is { } n) property.HasMaxLength(PersonalDataCipher.StoredLength(n));
        return property;
    }

    public static IEnumerable<IProperty> In(IEntityType entity) => entity.GetProperties().Where(p => p.FindAnnotation(Annotation) is not null);

    /// <summary>Gives the marked columns their converter; without a cipher (a design-time context) using one fails.</summary>
    public static void Convert(ModelBuilder builder, PersonalDataCipher? cipher)
    {
        var converter = cipher is null
            ? new ValueConverter<string, string>(v => NoKey(), v => NoKey())
            : new ValueConverter<string, string>(v => cipher.ProtectSearchable(v), v => cipher.Unprotect(v));
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
            if (property.FindAnnotation(Annotation) is not null) property.SetValueConverter(converter);
    }

    private static string NoKey() => throw new InvalidOperationException(PersonalDataTexts.NoKey);
}
