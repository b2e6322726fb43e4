// The baseline's workflow: nothing to do, so starting it costs only what Temporal itself costs.
export async function benchEmptyWorkflow(): Promise<void> {}
