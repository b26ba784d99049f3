//! Thin adapters from IPC to the core: each takes the state, calls one core function, and
//! returns its value or its typed error. No rules live here.

pub mod accounts;
pub mod app;
pub mod people;
pub mod settings;
pub mod promises;
pub mod complaints;
pub mod evidence;
pub mod files;
pub mod trust;
pub mod packet;
pub mod briefing;
