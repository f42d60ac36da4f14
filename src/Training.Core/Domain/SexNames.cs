using System.Diagnostics.CodeAnalysis;

namespace Training.Core.Domain;

public static class SexNames
{
    public static string Name(this Sex sex) => sex == Sex.Male ? "男" : "女";
}
