// Channels of the query feature; its owner fills this file. Kept so the contract compiles meanwhile.
export const queryChannels = {};
export const queryEvents = {};
