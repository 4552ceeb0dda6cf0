// Channels of the connections feature; its owner fills this file. Kept so the contract compiles meanwhile.
export const connectionChannels = {};
export const connectionEvents = {};
