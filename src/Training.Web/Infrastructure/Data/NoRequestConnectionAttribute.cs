namespace Training.Web.Infrastructure.Data;

/// <summary>
/// A page that spends its time waiting on something other than its own queries (the heartbeat waits for the writer's
/// batch): <see cref="SqliteConnectionPerRequest"/> gives it neither a connection held through the request nor one of
/// the places of the pages that hold one, and its few queries (the sign-in check) each take a pooled connection and
/// give it back. A hundred learners' heartbeats otherwise held most of the places while waiting for their batch, and
/// the pages behind them queued with the processors idle.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NoRequestConnectionAttribute : Attribute;
