// Each test owns a whole host; running them one at a time keeps the 2-core machine responsive and avoids
// LiteDB's process-wide BsonMapper being built for the same types by several hosts at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
