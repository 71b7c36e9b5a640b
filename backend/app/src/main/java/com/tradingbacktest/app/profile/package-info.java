/**
 * Each user's profile: the display name the web app shows in place of the username, the language
 * and the up/down colour convention it switches to on sign-in, and the default trading costs a new
 * run starts from. Nothing else reads it: the web app applies it.
 */
package com.tradingbacktest.app.profile;
